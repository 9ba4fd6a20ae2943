import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {ConfigStore} from '../../src/config/store.js'
import {pinCertificate} from '../../src/config/appliance-pins.js'
import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {adminPassword, hostOf, trustAndLogin} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

describe('e2e: ctx appliance login and the appliance certificate', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({settings: {sizes: {...defaultSizes, appliances: 2}}})
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('asks nothing on first contact without a terminal and names --fingerprint (exit 2)', async () => {
    const result = await runBin(['appliance', 'login', '--host', hostOf(sandbox), '--password-stdin'], {
      env: sandbox.env,
      input: adminPassword,
    })
    assert.equal(result.code, 2)
    assert.match(result.stderr, /not trusted yet[\s\S]*--fingerprint sha256:/)
  })

  it('sets the first password, pins the certificate and caches the token', async () => {
    const host = await trustAndLogin(sandbox)
    const pin = (ConfigStore.open(temp.dir).profile('default')?.appliances as Record<string, {fingerprint: string}>)[
      host
    ]
    assert.equal(pin?.fingerprint, sandbox.appliances[0]!.fingerprint)
    sandbox.log.clear()
    const status = await runBin(['appliance', 'status', '--host', host], {env: sandbox.env})
    assert.equal(status.code, 0, status.stderr)
    assert.equal(status.stdout.trim(), 'Unregistered')
    assert.deepEqual(
      sandbox.log.all().map((r) => `${r.method} ${r.url}`),
      ['GET /registration'],
    )
  })

  it('exits 4 on a bad password, without printing it', async () => {
    const result = await runBin(['appliance', 'login', '--host', hostOf(sandbox), '--password-stdin'], {
      env: sandbox.env,
      input: 'Wrong-pass-42',
    })
    assert.equal(result.code, 4)
    assert.match(result.stderr, /refused the admin password/)
    assert.doesNotMatch(result.stderr + result.stdout, /Wrong-pass-42/)
  })

  it('refuses a changed certificate loudly (exit 8), until it is re-trusted with --fingerprint', async () => {
    const host = hostOf(sandbox, 1)
    // The appliance at this address was known with another certificate: the other appliance's.
    const previous = (await sandbox.store.read()).appliances[0]!
    await pinCertificate(ConfigStore.open(temp.dir), 'default', host, {
      fingerprint: sandbox.appliances[0]!.fingerprint,
      certificate: previous.certificatePem!,
      trustedAt: new Date().toISOString(),
    })
    const refused = await runBin(['appliance', 'login', '--host', host, '--password-stdin'], {
      env: sandbox.env,
      input: adminPassword,
    })
    assert.equal(refused.code, 8)
    assert.match(refused.stderr, /HAS CHANGED/)
    assert.ok(refused.stderr.includes(sandbox.appliances[1]!.fingerprint))
    const retrusted = await runBin(
      ['appliance', 'login', '--host', host, '--password-stdin', '--fingerprint', sandbox.appliances[1]!.fingerprint],
      {env: sandbox.env, input: adminPassword},
    )
    assert.equal(retrusted.code, 0, retrusted.stderr)
  })

  it('works with --insecure, warning every time', async () => {
    const result = await runBin(['appliance', 'status', '--host', hostOf(sandbox), '--insecure'], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /--insecure: the certificate of .* is NOT checked/)
  })

  it('lists the pinned certificates with appliance pins, and forgets one with appliance forget, which then asks again', async () => {
    const host = hostOf(sandbox)
    const listed = await runBin(['appliance', 'pins', '--json'], {env: sandbox.env})
    assert.equal(listed.code, 0, listed.stderr)
    const pins = (JSON.parse(listed.stdout) as {pins: Array<{host: string; fingerprint: string}>}).pins
    assert.ok(
      pins.some((p) => p.host === host && p.fingerprint === sandbox.appliances[0]!.fingerprint),
      listed.stdout,
    )
    const table = await runBin(['appliance', 'pins'], {env: sandbox.env})
    assert.match(table.stdout, new RegExp(`${host.replaceAll('.', '\\.')} .*sha256:`))

    const forgot = await runBin(['appliance', 'forget', '--host', host], {env: sandbox.env})
    assert.equal(forgot.code, 0, forgot.stderr)
    assert.match(forgot.stderr, /Forgot the pinned certificate of/)
    const after = JSON.parse((await runBin(['appliance', 'pins', '--json'], {env: sandbox.env})).stdout) as {
      pins: Array<{host: string}>
    }
    assert.ok(!after.pins.some((p) => p.host === host))
    const asked = await runBin(['appliance', 'status', '--host', host], {env: sandbox.env})
    assert.equal(asked.code, 2)
    assert.match(asked.stderr, /not trusted yet[\s\S]*--fingerprint sha256:/)

    const again = await runBin(['appliance', 'forget', '--host', host], {env: sandbox.env})
    assert.equal(again.code, 0)
    assert.match(again.stderr, /nothing to forget/)
  })
})
