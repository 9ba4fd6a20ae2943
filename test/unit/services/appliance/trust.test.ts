import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import type {CtxError} from '../../../../src/errors.js'
import {decideApplianceTrust, type TrustOptions} from '../../../../src/services/appliance/trust.js'

const presentedCert = {
  pem: '-----BEGIN CERTIFICATE-----\nNEW\n-----END CERTIFICATE-----\n',
  fingerprint: `sha256:${'AA:'.repeat(31)}AA`,
}
const oldPin = {
  fingerprint: `sha256:${'BB:'.repeat(31)}BB`,
  certificate: 'OLD PEM',
  trustedAt: '2026-01-01T00:00:00.000Z',
}
const base = (extra: Partial<TrustOptions> = {}): TrustOptions => ({
  hostKey: '10.0.0.5:443',
  presented: async () => presentedCert,
  now: new Date('2026-11-24T08:00:00Z'),
  ...extra,
})
const exitOf = (code: number) => (error: CtxError) => error.exitCode === code

describe('trusting an appliance certificate', () => {
  it('skips every check with --insecure', async () => {
    assert.deepEqual(await decideApplianceTrust(base({insecure: true, presented: () => assert.fail('no probe')})), {
      tls: {mode: 'insecure'},
    })
  })

  it('verifies against the CA of --ca-cert, pinning nothing', async () => {
    assert.deepEqual(await decideApplianceTrust(base({caCertificate: 'CA PEM'})), {
      tls: {mode: 'ca', caCertificate: 'CA PEM'},
    })
  })

  it('uses the pinned certificate when the appliance still presents it', async () => {
    const pinned = {...oldPin, fingerprint: presentedCert.fingerprint}
    const decision = await decideApplianceTrust(base({pinned}))
    assert.deepEqual(decision, {tls: {mode: 'pinned', certificate: 'OLD PEM', fingerprint: presentedCert.fingerprint}})
  })

  it('does not pin again when --fingerprint names the certificate already pinned', async () => {
    const pinned = {...oldPin, fingerprint: presentedCert.fingerprint}
    assert.equal((await decideApplianceTrust(base({pinned, fingerprint: presentedCert.fingerprint}))).pin, undefined)
  })

  it('refuses a changed certificate loudly with exit 8, showing both fingerprints', async () => {
    await assert.rejects(decideApplianceTrust(base({pinned: oldPin})), (error: CtxError) => {
      assert.equal(error.exitCode, 8)
      assert.match(error.message, /HAS CHANGED/)
      assert.ok(error.message.includes(oldPin.fingerprint) && error.message.includes(presentedCert.fingerprint))
      return true
    })
  })

  it('re-trusts a changed certificate when --fingerprint names the new one', async () => {
    const decision = await decideApplianceTrust(base({pinned: oldPin, fingerprint: presentedCert.fingerprint}))
    assert.equal(decision.pin?.fingerprint, presentedCert.fingerprint)
    assert.equal(decision.pin?.certificate, presentedCert.pem)
  })

  it('re-trusts a changed certificate with --trust when the user confirms', async () => {
    const decision = await decideApplianceTrust(base({pinned: oldPin, retrust: true, confirm: async () => true}))
    assert.equal(decision.pin?.fingerprint, presentedCert.fingerprint)
  })

  it('refuses a certificate that does not match --fingerprint (exit 8)', async () => {
    await assert.rejects(decideApplianceTrust(base({fingerprint: oldPin.fingerprint})), exitOf(8))
  })

  it('asks on first contact and pins what the user trusts', async () => {
    const questions: string[] = []
    const decision = await decideApplianceTrust(base({confirm: async (q) => (questions.push(q), true)}))
    assert.match(questions[0] ?? '', /First contact[\s\S]*AA:AA/)
    assert.deepEqual(decision.pin, {
      fingerprint: presentedCert.fingerprint,
      certificate: presentedCert.pem,
      trustedAt: '2026-11-24T08:00:00.000Z',
    })
  })

  it('does not connect when the user declines (exit 8)', async () => {
    await assert.rejects(decideApplianceTrust(base({confirm: async () => false})), exitOf(8))
  })

  it('without a terminal, asks for nothing and names --fingerprint (exit 2)', async () => {
    await assert.rejects(
      decideApplianceTrust(base()),
      (error: CtxError) => error.exitCode === 2 && /--fingerprint/.test(error.hint ?? ''),
    )
  })
})
