import {randomBytes, scryptSync, timingSafeEqual} from 'node:crypto'

import {citrixError, type SandboxReply, type SandboxRequest} from '../http/router.js'
import {issueToken, verifyToken} from '../http/tokens.js'
import type {SandboxState} from '../state/types.js'

// The appliance's admin password (kept as a salted scrypt hash) and its 15-minute Bearer token [doc].

export const applianceTokenSeconds = 15 * 60

export function hashPassword(password: string): string {
  const salt = randomBytes(16).toString('hex')
  return `${salt}:${scryptSync(password, salt, 32).toString('hex')}`
}

export function passwordMatches(password: string, stored: string | undefined): boolean {
  if (!stored) return false
  const [salt, hash] = stored.split(':')
  const expected = Buffer.from(hash ?? '', 'hex')
  const given = scryptSync(password, salt ?? '', 32)
  return expected.length === given.length && timingSafeEqual(expected, given)
}

/** The token lifetime: 15 minutes, or the sandbox's shorter token setting (tests use a few seconds). */
export function applianceTokenTtl(state: SandboxState): number {
  return Math.min(applianceTokenSeconds, state.settings.tokenTtlSeconds)
}

export function issueApplianceToken(
  state: SandboxState,
  applianceId: string,
  now: Date,
): {token: string; expiresIn: number} {
  const iat = Math.floor(now.getTime() / 1000)
  const expiresIn = applianceTokenTtl(state)
  const token = issueToken(
    {sub: `appliance:${applianceId}`, customerId: `appliance:${applianceId}`, iat, exp: iat + expiresIn},
    state.signingKey,
  )
  return {token, expiresIn}
}

/** [doc] `Authorization: Bearer <token>`; 401 `common/authentication` when it is missing or not valid. */
export function checkBearer(
  request: SandboxRequest,
  state: SandboxState,
  applianceId: string,
  now: Date,
): SandboxReply | undefined {
  const match = /^bearer\s+(\S+)$/i.exec(request.headers.authorization?.trim() ?? '')
  if (!match) return citrixError(401, 'common/authentication', 'Missing authentication details')
  const claims = verifyToken(match[1]!, state.signingKey, now.getTime() / 1000)
  if (claims?.sub !== `appliance:${applianceId}`)
    return citrixError(401, 'common/authentication', 'Invalid authentication details')
  return undefined
}
