import type {CitrixClient} from '../../citrix/client.js'
import {apiOrigin, credentialsOf} from '../../citrix/client.js'
import {listResourceLocations} from '../../citrix/resource-locations.js'
import type {Region} from '../../config/keys.js'
import type {Settings} from '../../config/settings.js'
import {CitrixApiError, CtxError, ExitCode} from '../../errors.js'

/** What Citrix Cloud said of the token: `accepted`, `unreachable` (no answer, or 5xx after the retries), `not-checked` (--offline). */
export type ServiceCheck = 'accepted' | 'unreachable' | 'not-checked'

export interface AuthStatus {
  profile: string
  customerId: string
  clientId: string
  region?: Region
  apiUrl: string
  /** Where the secret is kept: keychain, file, env (an environment variable) or sandbox. */
  secretSource?: Settings['secretSource']
  /** Absent when there is no token: --offline without a cached one, or the API could not be reached for one. */
  tokenValidUntil?: string
  tokenFromCache: boolean
  service: ServiceCheck
  /** Why the API could not be reached. */
  serviceError?: string
}

/**
 * Who ctx calls Citrix Cloud as. Online (the default), a token (cached, else fresh) is used for one
 * light call, so that a revoked client or a cached token Citrix no longer takes shows (exit 4), and an
 * API that cannot be reached is said, not thrown (exit 8, with the rest of the status). Offline: the
 * cached token only, and no request.
 */
export async function checkAuthStatus(client: CitrixClient, options: {offline?: boolean} = {}): Promise<AuthStatus> {
  const {settings} = client
  const credentials = credentialsOf(settings) // exit 3 when there are none
  const base = {
    profile: settings.profile,
    customerId: credentials.customerId,
    clientId: credentials.clientId,
    region: settings.region,
    apiUrl: apiOrigin(settings),
    secretSource: settings.secretSource,
  }
  if (options.offline) {
    const cached = await client.cachedToken()
    return {
      ...base,
      ...(cached ? {tokenValidUntil: new Date(cached.expiresAt).toISOString()} : {}),
      tokenFromCache: cached !== undefined,
      service: 'not-checked',
    }
  }
  let token: Awaited<ReturnType<CitrixClient['accessToken']>> | undefined
  try {
    token = await client.accessToken()
    // A 401 renews the token once (the client does); a refusal after that is exit 4 and thrown.
    await listResourceLocations(client)
  } catch (error) {
    const unreachable = error instanceof CtxError && error.exitCode === ExitCode.unavailable
    // A 403 is an answer: the token was taken, the client lacks a permission for this call only.
    if (!unreachable && !(error instanceof CitrixApiError && error.status === 403)) throw error
    if (unreachable) {
      return {
        ...base,
        ...(token ? {tokenValidUntil: new Date(token.expiresAt).toISOString()} : {}),
        tokenFromCache: token?.cached ?? false,
        service: 'unreachable',
        serviceError: error.message,
      }
    }
  }
  return {
    ...base,
    tokenValidUntil: new Date(token!.expiresAt).toISOString(),
    tokenFromCache: token!.cached,
    service: 'accepted',
  }
}
