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

/**
 * Saves a secret in the OS keychain where one answers (and reads back what it wrote),
 * else in the profile inside the 0600 config file. Returns where it went.
 */
export async function saveSecret(
  store: ConfigStore,
  profile: string,
  key: string,
  secret: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SecretLocation> {
  if (keychainAllowed(env)) {
    try {
      const entry = await keychainEntry(accountFor(profile, key))
      entry.setPassword(secret)
      if (entry.getPassword() === secret) {
        store.updateProfile(profile, {[key]: undefined, [`${key}-location`]: 'keychain'})
        return 'keychain'
      }
    } catch {
      // No keychain on this machine (a server, a container, CI): the file is the fallback.
    }
  }
  store.updateProfile(profile, {[key]: secret, [`${key}-location`]: 'file'})
  return 'file'
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
  store.updateProfile(profile, {[key]: undefined, [`${key}-location`]: undefined})
}
