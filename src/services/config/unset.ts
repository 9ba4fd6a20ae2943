import {settingKeys} from '../../config/keys.js'
import {deleteSecret} from '../../config/secrets.js'
import type {ConfigStore} from '../../config/store.js'
import {settingName, shownSetting} from './shown-value.js'

export interface UnsetSettingResult {
  profile: string
  key: string
  /** False when the setting was not set. */
  removed: boolean
}

/** Removes one setting; a secret is removed from wherever it is kept (keychain or file). */
export async function unsetSetting(store: ConfigStore, profile: string, key: string): Promise<UnsetSettingResult> {
  const name = settingName(key)
  const removed = shownSetting(store, profile, name, {env: {}}).source === 'profile'
  if ('secret' in settingKeys[name]) await deleteSecret(store, profile, name)
  else if (removed) await store.updateProfile(profile, {[name]: undefined})
  return {profile, key: name, removed}
}
