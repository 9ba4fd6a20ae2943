import type {Got} from 'got'

import type {CachedToken} from '../config/token-cache.js'
import {AuthError, CitrixApiError, UnavailableError} from '../errors.js'
import {endpoints, fillPath} from './endpoints.js'
import {errorFromGot} from './errors.js'
import {isRedirectStatus, locationHost} from './redirects.js'

/** [doc] The token reply; `expires_in` is a string of seconds, though a number is accepted too. */
export interface TokenReply {
  token_type: string
  access_token: string
  expires_in: string | number
}

export interface ClientCredentials {
  customerId: string
  clientId: string
  clientSecret: string
}

/** The token endpoint must answer itself: the client secret never follows a redirect, not even to a region host. */
function tokenRedirectError(url: string, status: number, location: string | undefined): UnavailableError {
  const from = new URL(url)
  const to = locationHost(location, from)
  return new UnavailableError(
    `The token request to ${from.host} was answered ${status}, a redirect${to ? ` to ${to}` : ''}: ctx never sends the client secret through a redirect.`,
    {
      hint: 'Check the region and --api-url: the token endpoint must answer itself. A proxy or a fake server may be answering for Citrix Cloud.',
    },
  )
}

/** A body that is not JSON is exit 8 naming the host, as got's `.json()` (a ParseError) made it before. */
function parseTokenReply(url: string, body: string): TokenReply {
  try {
    return JSON.parse(body) as TokenReply
  } catch {
    throw new UnavailableError(`The token endpoint ${new URL(url).host} answered with a body that is not JSON.`, {
      hint: 'Check the region and --api-url; a proxy or a captive portal may be answering for Citrix Cloud.',
    })
  }
}

/** Both protocols refuse bad credentials with 400 or 401: that is exit 4, any other error keeps its own. */
function refusedClient(error: unknown, url: string): unknown {
  const mapped = errorFromGot(error, url)
  if (mapped instanceof CitrixApiError && (mapped.status === 400 || mapped.status === 401)) {
    return new AuthError(
      `Citrix Cloud refused the API client (${mapped.status}): ${mapped.detail}${mapped.transactionId ? ` (transaction id ${mapped.transactionId})` : ''}`,
      {
        hint: 'Check the customer id, client id and secret (`ctx auth login`), and the region.',
      },
    )
  }
  return mapped
}

/** [doc for Gov, seen elsewhere] The cws token reply; community scripts read the names in lower case, so any case goes. */
export interface CwsTokenReply {
  Token?: string
  ExpiresAt?: number | string
  [name: string]: unknown
}

function fieldInAnyCase(reply: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(reply).find((k) => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : reply[key]
}

/**
 * [doc] The cws protocol: POST https://{trustHost}/{customerId}/tokens/clients with a JSON body
 * `{ClientId, ClientSecret}` → `{Token, ExpiresAt}` (seconds from now).
 */
export async function requestCwsToken(
  http: Got,
  origin: string,
  credentials: ClientCredentials,
  now = Date.now(),
): Promise<CachedToken> {
  const url = origin + fillPath(endpoints.cwsToken.path, {customerId: credentials.customerId})
  try {
    const response = await http.post(url, {
      headers: {accept: 'application/json', 'content-type': 'application/json'},
      body: JSON.stringify({ClientId: credentials.clientId, ClientSecret: credentials.clientSecret}),
      retry: {methods: ['POST']},
      followRedirect: false,
    })
    if (isRedirectStatus(response.statusCode))
      throw tokenRedirectError(url, response.statusCode, response.headers.location)
    const reply = parseTokenReply(url, response.body) as unknown as Record<string, unknown>
    const token = fieldInAnyCase(reply ?? {}, 'Token')
    const seconds = Number(fieldInAnyCase(reply ?? {}, 'ExpiresAt'))
    if (typeof token !== 'string' || token === '' || !Number.isFinite(seconds)) {
      throw new UnavailableError(`The cws token endpoint ${new URL(url).host} answered without a Token or ExpiresAt.`, {
        hint: 'Check the region and --api-url; a proxy may be answering for Citrix Cloud.',
      })
    }
    return {accessToken: token, expiresAt: now + seconds * 1000}
  } catch (error) {
    if (error instanceof UnavailableError) throw error
    throw refusedClient(error, url)
  }
}

/** [doc] POST /cctrustoauth2/{customerId}/tokens/clients with a client_credentials form. */
export async function requestToken(
  http: Got,
  origin: string,
  credentials: ClientCredentials,
  now = Date.now(),
): Promise<CachedToken> {
  const url = origin + fillPath(endpoints.token.path, {customerId: credentials.customerId})
  try {
    const response = await http.post(url, {
      // Citrix wants this content type exactly, with no charset.
      headers: {accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      }).toString(),
      // Asking for a token changes nothing, so it is safe to retry like a GET.
      retry: {methods: ['POST']},
      // A redirect would re-post the secret to whatever origin it names (got keeps POST and body on 302
      // and 307). With this, got hands back any 3xx as an answer instead, refused just below.
      followRedirect: false,
    })
    if (isRedirectStatus(response.statusCode))
      throw tokenRedirectError(url, response.statusCode, response.headers.location)
    const reply = parseTokenReply(url, response.body)
    const seconds = Number(reply.expires_in)
    if (!reply.access_token || !Number.isFinite(seconds))
      throw new Error('token reply without access_token or expires_in')
    return {accessToken: reply.access_token, expiresAt: now + seconds * 1000}
  } catch (error) {
    throw refusedClient(error, url)
  }
}
