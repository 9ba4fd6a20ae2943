import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {sandboxCredentials} from '../../src/sandbox/constants.js'
import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {trustAndLogin} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

describe('e2e: regions against the sandbox (Gov through the cws protocol, jp → productionjp)', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let hosts: string[]
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({settings: {sizes: {...defaultSizes, appliances: 2}}})
    hosts = [await trustAndLogin(sandbox, 0), await trustAndLogin(sandbox, 1)]
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('logs in to Gov through the cws token call and lists resource locations at the Gov path', async () => {
    sandbox.log.clear()
    const env = {CTX_CONFIG_DIR: temp.dir, CTX_PROFILE: 'gov'}
    const login = await runBin(
      [
        'auth',
        'login',
        '--customer-id',
        sandboxCredentials.customerId,
        '--client-id',
        sandboxCredentials.clientId,
        '--client-secret-stdin',
        '--api-url',
        sandbox.url,
        '--region',
        'gov',
      ],
      {env, input: `${sandboxCredentials.clientSecret}\n`},
    )
    assert.equal(login.code, 0, login.stderr)
    const list = await runBin(['resource-location', 'list', '--json'], {env})
    assert.equal(list.code, 0, list.stderr)
    assert.match(list.stdout, /Headquarters/)
    const paths = sandbox.log.all().map((r) => `${r.method} ${r.url}`)
    assert.ok(paths.includes(`POST /${sandboxCredentials.customerId}/tokens/clients`), paths.join('\n'))
    assert.ok(paths.includes(`GET /${sandboxCredentials.customerId}/resourcelocations`), paths.join('\n'))
    assert.ok(!paths.some((p) => p.includes('cctrustoauth2')), 'no OAuth token call in Gov')
  })

  it('exits 2 for product registrations in Gov', async () => {
    const result = await runBin(['product', 'list'], {env: {CTX_CONFIG_DIR: temp.dir, CTX_PROFILE: 'gov'}})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /not known in the Citrix Cloud Government region/)
  })

  it('sends deployment productionjp for a jp profile, and production when --deployment says so', async () => {
    const jp = {...sandbox.env, CTX_REGION: 'jp'}
    const first = await runBin(
      ['appliance', 'register', '--host', hosts[0]!, '--name', 'ca-jp', '--resource-location', 'Headquarters'],
      {env: jp},
    )
    assert.equal(first.code, 0, first.stderr)
    assert.equal((await sandbox.store.read()).appliances[0]!.deployment, 'productionjp')
    const second = await runBin(
      [
        'appliance',
        'register',
        '--host',
        hosts[1]!,
        '--name',
        'ca-jp-2',
        '--resource-location',
        'Headquarters',
        '--deployment',
        'production',
      ],
      {env: jp},
    )
    assert.equal(second.code, 0, second.stderr)
    assert.equal((await sandbox.store.read()).appliances[1]!.deployment, 'production')
  })
})
