import {settingKeys, isSettingName, type SettingName} from '../../config/keys.js'
import {secretLocation} from '../../config/secrets.js'
import {stringValue, type ConfigStore} from '../../config/store.js'
import {UsageError} from '../../errors.js'

export const maskedSecret = '********'

/** One setting of a profile as ctx shows it: a secret is only ever "set" (and where), never its value. */
export interface ShownSetting {
  key: SettingName
  value: string | null
  /** Where a secret is kept, for a secret that is set. */
  location?: 'keychain' | 'file'
}

export function settingName(key: string): SettingName {
  if (isSettingName(key)) return key
  throw new UsageError(`Unknown setting "${key}".`, {hint: `Settings: ${Object.keys(settingKeys).join(', ')}.`})
}

export function shownSetting(store: ConfigStore, profile: string, key: SettingName): ShownSetting {
  if ('secret' in settingKeys[key]) {
    const location = secretLocation(store, profile, key)
    return location ? {key, value: maskedSecret, location} : {key, value: null}
  }
  return {key, value: stringValue(store.profile(profile), key) ?? null}
}
