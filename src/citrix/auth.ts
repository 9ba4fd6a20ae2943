import type {Got} from 'got'

import {isHttpError, isRequestError} from '../http/errors.js'

import {AuthError} from '../errors.js'
import type {CachedToken} from '../config/token-cache.js'
import {endpoints, fillPath} from './endpoints.js'
import {citrixErrorFrom, networkErrorFrom} from './errors.js'

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

/** [doc] POST /cctrustoauth2/{customerId}/tokens/clients with a client_credentials form. */
export async function requestToken(http: Got, origin: string, credentials: ClientCredentials, now = Date.now()): Promise<CachedToken> {
  const url = origin + fillPath(endpoints.token.path, {customerId: credentials.customerId})
  try {
    const reply = await http
      .post(url, {
        // Citrix wants this content type exactly, with no charset.
        headers: {accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
        }).toString(),
        // Asking for a token changes nothing, so it is safe to retry like a GET.
        retry: {methods: ['POST']},
      })
      .json<TokenReply>()
    const seconds = Number(reply.expires_in)
    if (!reply.access_token || !Number.isFinite(seconds)) throw new Error('token reply without access_token or expires_in')
    return {accessToken: reply.access_token, expiresAt: now + seconds * 1000}
  } catch (error) {
    if (isHttpError(error)) {
      const {statusCode, headers} = error.response
      if (statusCode === 400 || statusCode === 401) {
        const apiError = citrixErrorFrom({statusCode, headers, body: String(error.response.body)})
        throw new AuthError(`Citrix Cloud refused the API client (${statusCode}): ${apiError.detail}${apiError.transactionId ? ` (transaction id ${apiError.transactionId})` : ''}`, {
          hint: 'Check the customer id, client id and secret (`ctx auth login`), and the region.',
        })
      }
      throw citrixErrorFrom({statusCode, headers, body: String(error.response.body)})
    }
    if (isRequestError(error)) throw networkErrorFrom(error, url)
    throw error
  }
}
