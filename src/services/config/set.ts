import {settingKeys} from '../../config/keys.js'
import {normaliseApiUrl} from '../../config/settings.js'
import type {ConfigStore} from '../../config/store.js'
import {UsageError} from '../../errors.js'
import {settingName} from './shown-value.js'

export interface SavedSetting {
  profile: string
  key: string
  /** As saved (an api-url is kept as its origin). */
  value: string
}

/** Checks and saves one plain setting; a secret is refused, so that it never lands in shell history. */
export async function setSetting(
  store: ConfigStore,
  profile: string,
  key: string,
  value: string,
): Promise<SavedSetting> {
  const name = settingName(key)
  const definition = settingKeys[name]
  if ('secret' in definition) {
    throw new UsageError(`${name} cannot be set as a plain value (it would stay in your shell history).`, {
      hint: 'Run `ctx auth login` (it reads the secret from a prompt, --client-secret-stdin or CTX_CLIENT_SECRET).',
    })
  }
  // The allowed values are Citrix's, which are case-insensitive: `region EU` is saved as eu.
  const allowed = 'allowed' in definition ? (definition.allowed as readonly string[]) : undefined
  const given = allowed?.find((option) => option === value.toLowerCase()) ?? value
  if (allowed && !allowed.includes(given)) {
    throw new UsageError(`"${value}" is not a valid ${name}.`, {hint: `Use one of: ${allowed.join(', ')}.`})
  }
  const saved = name === 'api-url' ? normaliseApiUrl(given) : given
  if (saved === '') throw new UsageError(`${name} cannot be empty.`, {hint: `To clear it: ctx config unset ${name}.`})
  await store.updateProfile(profile, {[name]: saved})
  return {profile, key: name, value: saved}
}
