import {isIP} from 'node:net'
import {connect} from 'node:tls'

import {networkErrorFrom} from './errors.js'
import {fingerprintOfDer} from '../util/fingerprint.js'

export interface PresentedCertificate {
  /** PEM of the server's own (leaf) certificate. */
  pem: string
  fingerprint: string
}

function pemOf(der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}

/**
 * Opens a TLS connection only to read the certificate a server presents (nothing is sent), so that
 * ctx can show its fingerprint and compare it with the pinned one before trusting it.
 */
export function presentedCertificate(
  hostname: string,
  port: number,
  timeoutMs = 10_000,
): Promise<PresentedCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: hostname,
      port,
      rejectUnauthorized: false,
      ...(isIP(hostname) ? {} : {servername: hostname}),
    })
    socket.setTimeout(timeoutMs, () => socket.destroy(Object.assign(new Error('timed out'), {code: 'ETIMEDOUT'})))
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate()
      socket.end()
      if (!certificate?.raw) reject(new Error(`${hostname}:${port} presented no certificate`))
      else resolve({pem: pemOf(certificate.raw), fingerprint: fingerprintOfDer(certificate.raw)})
    })
    socket.once('error', (error: NodeJS.ErrnoException) =>
      reject(networkErrorFrom(error, `https://${isIP(hostname) === 6 ? `[${hostname}]` : hostname}:${port}`)),
    )
  })
}
