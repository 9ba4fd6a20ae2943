import {endpoints} from '../../citrix/endpoints.js'
import {sandboxCredentials} from '../constants.js'
import {ok, serve, type SandboxRoute} from '../http/router.js'
import {issueToken} from '../http/tokens.js'

const invalidClient = {
  status: 400,
  body: {error: 'invalid_client', error_description: 'Invalid client id or client secret.'},
}

/** [doc] POST /cctrustoauth2/{customerId}/tokens/clients: a client_credentials form, a token that really expires. */
/** Both protocols check the same sandbox API client and issue the same kind of token. */
function checksOut(customerId: string | undefined, clientId: unknown, clientSecret: unknown): boolean {
  const customerOk = customerId === sandboxCredentials.customerId || customerId === 'root'
  return customerOk && clientId === sandboxCredentials.clientId && clientSecret === sandboxCredentials.clientSecret
}

export const tokenRoutes: SandboxRoute[] = [
  // [doc for Gov] The cws protocol: a JSON body {ClientId, ClientSecret} → {Token, ExpiresAt (seconds from now)}.
  serve(endpoints.cwsToken, 'none', async (request, context) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    if (typeof body !== 'object' || !checksOut(request.params.customerId, body.ClientId, body.ClientSecret))
      return invalidClient
    const state = await context.store.read()
    const iat = Math.floor(context.now().getTime() / 1000)
    const ttl = state.settings.tokenTtlSeconds
    const token = issueToken(
      {sub: String(body.ClientId), customerId: sandboxCredentials.customerId, iat, exp: iat + ttl},
      state.signingKey,
    )
    return ok({
      Token: token,
      Principal: String(body.ClientId),
      UserId: String(body.ClientId),
      CustomerId: sandboxCredentials.customerId,
      ExpiresAt: ttl,
    })
  }),

  serve(endpoints.token, 'none', async (request, context) => {
    const form = (request.body ?? {}) as Record<string, string>
    if (form.grant_type !== 'client_credentials') {
      return {
        status: 400,
        body: {error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials.'},
      }
    }
    if (!checksOut(request.params.customerId, form.client_id, form.client_secret)) return invalidClient
    const state = await context.store.read()
    const iat = Math.floor(context.now().getTime() / 1000)
    const ttl = state.settings.tokenTtlSeconds
    const token = issueToken(
      {sub: String(form.client_id), customerId: sandboxCredentials.customerId, iat, exp: iat + ttl},
      state.signingKey,
    )
    return ok({token_type: 'bearer', access_token: token, expires_in: String(ttl)})
  }),
]
