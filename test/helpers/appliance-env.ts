import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

/** A PEM file for --ca-cert: with it ctx verifies against that CA and opens no probe connection (nock has no TLS anyway). */
export function caCertFile(dir: string): string {
  const path = join(dir, 'appliance-ca.pem')
  writeFileSync(path, '-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----\n')
  return path
}
