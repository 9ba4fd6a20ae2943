import {ConfigStore, stringValue} from './store.js'

export type SecretLocation = 'keychain' | 'file'

const keychainService = 'ctx'

// CTX_KEYCHAIN=off keeps tests and headless machines away from a real keychain.
function keychainAllowed(env: NodeJS.ProcessEnv): boolean {
  return env.CTX_KEYCHAIN !== 'off'
}

async function keychainEntry(account: string) {
  const {Entry} = await import('@napi-rs/keyring')
  return new Entry(keychainService, account)
}

function accountFor(profile: string, key: string): string {
  return `${profile}:${key}`
}

/** Where a secret went, and the profile keys that record it: the secret itself only when it went to the file. */
export interface PlacedSecret {
  location: SecretLocation
  values: Record<string, string | undefined>
}

/**
 * Puts a secret in the OS keychain where one answers (and reads back what it wrote), else leaves it
 * for the profile inside the 0600 config file. Saves nothing in the profile: the caller merges
 * `values` into its own change, so that a login is one write.
 */
export async function placeSecret(
  profile: string,
  key: string,
  secret: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PlacedSecret> {
  if (keychainAllowed(env)) {
    try {
      const entry = await keychainEntry(accountFor(profile, key))
      entry.setPassword(secret)
      if (entry.getPassword() === secret)
        return {location: 'keychain', values: {[key]: undefined, [`${key}-location`]: 'keychain'}}
    } catch {
      // No keychain on this machine (a server, a container, CI): the file is the fallback.
    }
  }
  return {location: 'file', values: {[key]: secret, [`${key}-location`]: 'file'}}
}

/** Saves a secret (keychain, else the config file) and records it in the profile. Returns where it went. */
export async function saveSecret(
  store: ConfigStore,
  profile: string,
  key: string,
  secret: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SecretLocation> {
  const placed = await placeSecret(profile, key, secret, env)
  await store.updateProfile(profile, placed.values)
  return placed.location
}

export async function readSecret(store: ConfigStore, profile: string, key: string): Promise<string | undefined> {
  const stored = store.profile(profile)
  if (stringValue(stored, `${key}-location`) === 'keychain') {
    try {
      return (await keychainEntry(accountFor(profile, key))).getPassword() ?? undefined
    } catch {
      return undefined
    }
  }
  return stringValue(stored, key)
}

export function secretLocation(store: ConfigStore, profile: string, key: string): SecretLocation | undefined {
  const stored = store.profile(profile)
  const location = stringValue(stored, `${key}-location`)
  if (location === 'keychain' || location === 'file') return location
  return stringValue(stored, key) ? 'file' : undefined
}

export async function deleteSecret(store: ConfigStore, profile: string, key: string): Promise<void> {
  if (secretLocation(store, profile, key) === 'keychain') {
    try {
      ;(await keychainEntry(accountFor(profile, key))).deletePassword()
    } catch {
      // Already gone from the keychain: nothing left to remove.
    }
  }
  await store.updateProfile(profile, {[key]: undefined, [`${key}-location`]: undefined})
}
