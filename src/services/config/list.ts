import {settingKeys, type SettingName} from '../../config/keys.js'
import type {ConfigStore} from '../../config/store.js'
import {shownSetting, type ShownSetting} from './shown-value.js'

export interface ProfileSettings {
  profile: string
  /** Every profile the config file holds. */
  profiles: string[]
  settings: ShownSetting[]
}

/** Every known setting of the profile, set or not, secrets masked. */
export function listSettings(store: ConfigStore, profile: string): ProfileSettings {
  const settings = (Object.keys(settingKeys) as SettingName[]).map((key) => shownSetting(store, profile, key))
  return {profile, profiles: store.profileNames(), settings}
}
