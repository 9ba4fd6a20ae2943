import type {ConfigStore} from '../../config/store.js'
import {settingName, shownSetting, type ShownSetting} from './shown-value.js'

export function getSetting(store: ConfigStore, profile: string, key: string): ShownSetting & {profile: string} {
  return {profile, ...shownSetting(store, profile, settingName(key))}
}
