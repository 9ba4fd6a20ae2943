import {settingKeys, type SettingName} from '../../config/keys.js'
import type {ConfigStore} from '../../config/store.js'
import {shownSetting, type Overrides, type ShownSetting} from './shown-value.js'

export interface ProfileSettings {
  profile: string
  /** Every profile the config file holds. */
  profiles: string[]
  settings: ShownSetting[]
}

/** Every known setting in force for the profile, set or not, and where each comes from; secrets masked. */
export function listSettings(store: ConfigStore, profile: string, overrides: Overrides = {}): ProfileSettings {
  const settings = (Object.keys(settingKeys) as SettingName[]).map((key) =>
    shownSetting(store, profile, key, overrides),
  )
  return {profile, profiles: store.profileNames(), settings}
}
