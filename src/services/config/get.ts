import type {ConfigStore} from '../../config/store.js'
import {settingName, shownSetting, type Overrides, type ShownSetting} from './shown-value.js'

/** One setting as `ctx config get` shows it, with the profile it belongs to. */
export type ProfileSetting = ShownSetting & {profile: string}

export function getSetting(
  store: ConfigStore,
  profile: string,
  key: string,
  overrides: Overrides = {},
): ProfileSetting {
  return {profile, ...shownSetting(store, profile, settingName(key), overrides)}
}
