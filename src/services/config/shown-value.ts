import {settingKeys, isSettingName, type SettingName} from '../../config/keys.js'
import {secretLocation} from '../../config/secrets.js'
import {settingInForce, type SettingFlags, type SettingSource} from '../../config/settings.js'
import {stringValue, type ConfigStore} from '../../config/store.js'
import {UsageError} from '../../errors.js'

export const maskedSecret = '********'

/** One setting of a profile as ctx shows it: a secret is only ever "set" (and where), never its value. */
export interface ShownSetting {
  key: SettingName
  /** The value in force: from a flag, the environment, the profile, or the default (null: none). */
  value: string | null
  source: SettingSource
  /** The flag or environment variable that set it, when one did. */
  from?: string
  /** Where a secret is kept, for a secret that is set. */
  location?: 'keychain' | 'file'
  /** The profile's own value when a flag or the environment overrides it. */
  profileValue?: string
}

/** What overrides a profile: the global flags given, and the environment. */
export interface Overrides {
  flags?: SettingFlags
  env?: NodeJS.ProcessEnv
}

export function settingName(key: string): SettingName {
  if (isSettingName(key)) return key
  throw new UsageError(`Unknown setting "${key}".`, {hint: `Settings: ${Object.keys(settingKeys).join(', ')}.`})
}

export function shownSetting(
  store: ConfigStore,
  profile: string,
  key: SettingName,
  overrides: Overrides = {},
): ShownSetting {
  if ('secret' in settingKeys[key]) {
    const location = secretLocation(store, profile, key)
    const inForce = settingInForce(key, location ? maskedSecret : undefined, overrides.flags, overrides.env)
    return {
      key,
      ...inForce,
      value: inForce.value === null ? null : maskedSecret,
      ...(location && inForce.source === 'profile' ? {location} : {}),
      ...(location && inForce.source !== 'profile' ? {profileValue: maskedSecret} : {}),
    }
  }
  const stored = stringValue(store.profile(profile), key)
  const inForce = settingInForce(key, stored, overrides.flags, overrides.env)
  return {
    key,
    ...inForce,
    ...(stored !== undefined && inForce.source !== 'profile' && stored !== inForce.value ? {profileValue: stored} : {}),
  }
}

/** `env CTX_REGION`, `flag --api-url`, `profile`, `default`; an overridden profile value is named too. */
export function settingSourceLabel(setting: ShownSetting): string {
  const base = setting.from ? `${setting.source} ${setting.from}` : setting.source
  return setting.profileValue === undefined ? base : `${base} (profile has ${setting.profileValue})`
}
