import {deleteSecret, secretLocation} from '../../config/secrets.js'
import type {ConfigStore} from '../../config/store.js'
import {TokenCache} from '../../config/token-cache.js'

export interface LogoutResult {
  profile: string
  secretRemoved: boolean
  tokensRemoved: number
}

/** Forgets the profile's secret (keychain or file) and its cached tokens; the ids and settings stay. */
export async function logOut(
  store: ConfigStore,
  profile: string,
  tokenCache = new TokenCache(),
): Promise<LogoutResult> {
  const secretRemoved = secretLocation(store, profile, 'client-secret') !== undefined
  if (secretRemoved) await deleteSecret(store, profile, 'client-secret')
  const tokensRemoved = await tokenCache.deleteProfile(profile)
  return {profile, secretRemoved, tokensRemoved}
}
