import type {CitrixClient} from '../../citrix/client.js'
import {apiOrigin, credentialsOf} from '../../citrix/client.js'
import type {Region} from '../../config/keys.js'
import type {Settings} from '../../config/settings.js'

export interface AuthStatus {
  profile: string
  customerId: string
  clientId: string
  region?: Region
  apiUrl: string
  /** Where the secret is kept: keychain, file, env (an environment variable) or sandbox. */
  secretSource?: Settings['secretSource']
  tokenValidUntil: string
  tokenFromCache: boolean
}

/** Who ctx calls Citrix Cloud as; a token (cached, else fresh) proves the credentials still work. */
export async function checkAuthStatus(client: CitrixClient): Promise<AuthStatus> {
  const {settings} = client
  const credentials = credentialsOf(settings) // exit 3 when there are none
  const token = await client.accessToken()
  return {
    profile: settings.profile,
    customerId: credentials.customerId,
    clientId: credentials.clientId,
    region: settings.region,
    apiUrl: apiOrigin(settings),
    secretSource: settings.secretSource,
    tokenValidUntil: new Date(token.expiresAt).toISOString(),
    tokenFromCache: token.cached,
  }
}
