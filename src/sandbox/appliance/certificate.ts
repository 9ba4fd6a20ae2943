import {generate} from 'selfsigned'

export interface ApplianceCertificate {
  certificatePem: string
  privateKeyPem: string
}

const tenYearsMs = 10 * 365 * 86_400_000

/** [seen] A real appliance serves its own self-signed certificate; the simulator makes one like it. */
export async function makeApplianceCertificate(name: string, now = new Date()): Promise<ApplianceCertificate> {
  const pems = await generate([{name: 'commonName', value: name}], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + tenYearsMs),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          {type: 2, value: name},
          {type: 2, value: 'localhost'},
          {type: 7, ip: '127.0.0.1'},
        ],
      },
    ],
  })
  return {certificatePem: pems.cert, privateKeyPem: pems.private}
}
