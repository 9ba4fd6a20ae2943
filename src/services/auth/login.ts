import type {ClientCredentials} from '../../citrix/auth.js'
import type {CitrixClient} from '../../citrix/client.js'
import type {Region} from '../../config/keys.js'
import {placeSecret, type SecretLocation} from '../../config/secrets.js'
import {defaultMaxRetries, type Settings} from '../../config/settings.js'
import type {ConfigStore} from '../../config/store.js'

export interface LoginOptions {
  store: ConfigStore
  profile: string
  credentials: ClientCredentials
  region?: Region
  apiUrl?: string
  /** A Citrix client for these settings, which fetches a token before anything is saved; undefined skips that (--no-verify). */
  verifyWith?: (settings: Settings) => CitrixClient | Promise<CitrixClient>
  env?: NodeJS.ProcessEnv
}

export interface LoginResult {
  profile: string
  customerId: string
  clientId: string
  region?: Region
  apiUrl?: string
  secretLocation: SecretLocation
  verified: boolean
  /** ISO time; set when the credentials were verified. */
  tokenValidUntil?: string
}

/** Verifies the API client (one token call), then saves it in the profile; nothing is saved if Citrix refuses it. */
export async function logIn(options: LoginOptions): Promise<LoginResult> {
  const {store, profile, credentials, region, apiUrl} = options
  let tokenValidUntil: string | undefined
  if (options.verifyWith) {
    const settings: Settings = {profile, ...credentials, region, apiUrl, maxRetries: defaultMaxRetries}
    const token = await (await options.verifyWith(settings)).accessToken(true)
    tokenValidUntil = new Date(token.expiresAt).toISOString()
  }
  // One write for the whole profile: a login that runs beside another never leaves ids without a secret.
  // Region and api-url are saved only when given; a re-login keeps the profile's own.
  const secret = await placeSecret(profile, 'client-secret', credentials.clientSecret, options.env)
  const values: Record<string, string | undefined> = {
    'customer-id': credentials.customerId,
    'client-id': credentials.clientId,
    ...secret.values,
  }
  if (region) values.region = region
  if (apiUrl) values['api-url'] = apiUrl
  await store.updateProfile(profile, values)
  return {
    profile,
    customerId: credentials.customerId,
    clientId: credentials.clientId,
    region,
    apiUrl,
    secretLocation: secret.location,
    verified: Boolean(options.verifyWith),
    tokenValidUntil,
  }
}
