import {createHmac, timingSafeEqual} from 'node:crypto'

// Real HS256 JWTs, so that sandbox tokens look and expire like Citrix's.
export interface TokenClaims {
  sub: string
  customerId: string
  exp: number
  iat: number
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

function sign(input: string, key: string): string {
  return createHmac('sha256', key).update(input).digest('base64url')
}

export function issueToken(claims: TokenClaims, key: string): string {
  const input = `${encode({alg: 'HS256', typ: 'JWT'})}.${encode(claims)}`
  return `${input}.${sign(input, key)}`
}

/** The claims of a valid, unexpired token; undefined otherwise. */
export function verifyToken(token: string, key: string, nowSeconds = Date.now() / 1000): TokenClaims | undefined {
  const [header, payload, signature] = token.split('.')
  if (!header || !payload || !signature) return undefined
  const expected = Buffer.from(sign(`${header}.${payload}`, key))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims
    return claims.exp > nowSeconds ? claims : undefined
  } catch {
    return undefined
  }
}
