import type {SandboxState} from '../state/types.js'
import type {SandboxReply, SandboxRequest} from './router.js'
import {citrixError} from './router.js'
import {verifyToken, type TokenClaims} from './tokens.js'

/**
 * [doc] What Citrix Cloud checks on every API call: `Authorization: CwsAuth Bearer=<token>`
 * (scheme and `bearer` in any case), `Accept: application/json`, and `Citrix-CustomerId`.
 */
export function checkCwsAuth(request: SandboxRequest, state: SandboxState): TokenClaims | SandboxReply {
  const header = request.headers.authorization
  const match = header ? /^cwsauth\s+bearer=(\S+)$/i.exec(header.trim()) : null
  if (!match) {
    return citrixError(401, 'common/authentication', 'Missing or invalid authentication details', {reason: 'missing'})
  }
  const claims = verifyToken(match[1]!, state.signingKey)
  if (!claims || request.headers['citrix-customerid'] !== claims.customerId) {
    return citrixError(401, 'common/authentication', 'Missing or invalid authentication details', {reason: 'invalid'})
  }
  if (request.headers.accept !== 'application/json') {
    return citrixError(406, 'common/notAcceptable', 'Accept header must be application/json')
  }
  return claims
}
