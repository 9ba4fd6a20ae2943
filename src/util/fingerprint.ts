import {X509Certificate} from 'node:crypto'

// Certificate fingerprints as ctx shows and pins them: `sha256:AB:CD:…` (the SHA-256 of the DER).

export function fingerprintOfPem(pem: string): string {
  return `sha256:${new X509Certificate(pem).fingerprint256}`
}

export function fingerprintOfDer(der: Buffer): string {
  return `sha256:${new X509Certificate(der).fingerprint256}`
}

/** Any spelling (with or without `sha256:`, colons, any case) → the canonical `sha256:AB:CD:…`; undefined if not a SHA-256. */
export function normaliseFingerprint(text: string): string | undefined {
  const hex = text
    .trim()
    .replace(/^sha-?256:/i, '')
    .replace(/[\s:]/g, '')
    .toUpperCase()
  if (!/^[0-9A-F]{64}$/.test(hex)) return undefined
  return `sha256:${hex.match(/../g)!.join(':')}`
}
