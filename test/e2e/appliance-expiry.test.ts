import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {adminPassword, acceptInConsole, eventually, trustAndLogin} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

describe('e2e: ctx appliance register --wait when codes and tokens expire', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox | undefined
  beforeEach(() => {
    temp = useTempConfig()
  })
  afterEach(async () => {
    await sandbox?.stop()
    temp.restore()
  })

  it('exits 9 when the code expires while waiting', async () => {
    sandbox = await startTestSandbox({settings: {pollingIntervalSeconds: 1, codeTtlSeconds: 2}})
    const host = await trustAndLogin(sandbox)
    const result = await runBin(
      ['appliance', 'register', '--host', host, '--name', 'ca-01', '--resource-location', 'Headquarters', '--wait'],
      {env: sandbox.env},
    )
    assert.equal(result.code, 9)
    assert.match(result.stderr, /The code [A-Z0-9]{8} expired at .* before it was registered/)
  })

  it('renews the appliance token when it expires mid-wait, with no error', async () => {
    sandbox = await startTestSandbox({settings: {pollingIntervalSeconds: 1, tokenTtlSeconds: 2}})
    const host = await trustAndLogin(sandbox)
    const running = runBin(
      ['appliance', 'register', '--host', host, '--name', 'ca-01', '--resource-location', 'Headquarters', '--wait'],
      {env: {...sandbox.env, CTX_APPLIANCE_PASSWORD: adminPassword}},
    )
    const expired = () => sandbox!.log.all().some((r) => r.url === '/registration' && r.status === 401)
    await eventually(async () => (expired() ? true : undefined))
    await acceptInConsole(sandbox, (await sandbox.store.read()).appliances[0]!.pendingCode!)
    const result = await running
    assert.equal(result.code, 0, result.stderr)
    assert.doesNotMatch(result.stderr, /Error/)
    const log = sandbox.log.all()
    const firstRefusal = log.findIndex((r) => r.url === '/registration' && r.status === 401)
    assert.ok(
      log.slice(firstRefusal).some((r) => r.url === '/$login' && r.status === 200),
      'a new login after the token expired',
    )
  })
})
