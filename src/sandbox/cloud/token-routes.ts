import {endpoints} from '../../citrix/endpoints.js'
import {sandboxCredentials} from '../constants.js'
import {ok, serve, type SandboxRoute} from '../http/router.js'
import {issueToken} from '../http/tokens.js'

const invalidClient = {status: 400, body: {error: 'invalid_client', error_description: 'Invalid client id or client secret.'}}

/** [doc] POST /cctrustoauth2/{customerId}/tokens/clients: a client_credentials form, a token that really expires. */
export const tokenRoutes: SandboxRoute[] = [
  serve(endpoints.token, 'none', async (request, context) => {
    const form = (request.body ?? {}) as Record<string, string>
    if (form.grant_type !== 'client_credentials') {
      return {status: 400, body: {error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials.'}}
    }
    const customerOk = request.params.customerId === sandboxCredentials.customerId || request.params.customerId === 'root'
    if (!customerOk || form.client_id !== sandboxCredentials.clientId || form.client_secret !== sandboxCredentials.clientSecret) {
      return invalidClient
    }
    const state = await context.store.read()
    const iat = Math.floor(context.now().getTime() / 1000)
    const ttl = state.settings.tokenTtlSeconds
    const token = issueToken({sub: form.client_id, customerId: sandboxCredentials.customerId, iat, exp: iat + ttl}, state.signingKey)
    return ok({token_type: 'bearer', access_token: token, expires_in: String(ttl)})
  }),
]
