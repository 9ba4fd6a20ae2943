import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {acceptInConsole, eventually, trustAndLogin} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

describe('e2e: ctx appliance register against the sandbox', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let hosts: string[]
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({settings: {pollingIntervalSeconds: 1, sizes: {...defaultSizes, appliances: 3}}})
    hosts = [await trustAndLogin(sandbox, 0), await trustAndLogin(sandbox, 1), await trustAndLogin(sandbox, 2)]
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('exits 2 naming the field when the appliance answers the 404 validation error', async () => {
    const result = await runBin(
      ['appliance', 'register', '--host', hosts[0]!, '--name', '', '--resource-location', 'Headquarters'],
      {env: sandbox.env},
    )
    assert.equal(result.code, 2)
    assert.match(result.stderr, /rejected the field "name": Field "name" is missing\./)
  })

  it('registers in one command with --accept: the product and a Connector Appliance appear in the cloud', async () => {
    const result = await runBin(
      [
        'appliance',
        'register',
        '--host',
        hosts[0]!,
        '--name',
        'ca-01.corp.example',
        '--resource-location',
        'Headquarters',
        '--accept',
        '--json',
      ],
      {env: sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {status: string}).status, 'Registered')
    const state = await sandbox.store.read()
    const headquarters = state.resourceLocations.find((l) => l.name === 'Headquarters')!
    assert.ok(
      state.registeredProducts.some(
        (p) => p.service === 'ConnectorAppliance' && p.deviceInfo.properties[0]?.value === 'ca-01.corp.example',
      ),
    )
    assert.ok(
      state.connectors.some(
        (c) =>
          c.fqdn === 'ca-01.corp.example' &&
          c.connectorType === 'Unified' &&
          c.status === 'Connected' &&
          c.location === headquarters.id,
      ),
    )
  })

  it('says plainly that the appliance is already registered (exit 7)', async () => {
    const result = await runBin(
      [
        'appliance',
        'register',
        '--host',
        hosts[0]!,
        '--name',
        'ca-01.corp.example',
        '--resource-location',
        'Headquarters',
      ],
      {env: sandbox.env},
    )
    assert.equal(result.code, 7)
    assert.match(result.stderr, /already registered with Citrix Cloud/)
  })

  it('waits with --wait until the code is entered in the console (the manual flow)', async () => {
    const running = runBin(
      ['appliance', 'register', '--host', hosts[1]!, '--name', 'ca-02', '--resource-location', 'London DC', '--wait'],
      {env: sandbox.env},
    )
    const code = await eventually(async () => (await sandbox.store.read()).appliances[1]?.pendingCode)
    await acceptInConsole(sandbox, code)
    const result = await running
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, new RegExp(`Code: +${code}`))
    assert.match(result.stdout, /is registered with Citrix Cloud as ca-02/)
    const status = await runBin(['appliance', 'status', '--host', hosts[1]!, '--expect', 'registered'], {
      env: sandbox.env,
    })
    assert.equal(status.code, 0, status.stderr)
  })

  it('exits 9 with status --expect registered on an appliance that is not registered', async () => {
    const result = await runBin(['appliance', 'status', '--host', hosts[2]!, '--expect', 'registered'], {
      env: sandbox.env,
    })
    assert.equal(result.code, 9)
  })

  it('registers unattended with the API client secret from stdin', async () => {
    const result = await runBin(
      ['appliance', 'register', '--host', hosts[2]!, '--name', 'ca-03', '--unattended', '--client-secret-stdin'],
      {env: sandbox.env, input: sandbox.env.CTX_CLIENT_SECRET},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /is registered with Citrix Cloud as ca-03/)
    assert.doesNotMatch(
      result.stdout + result.stderr,
      new RegExp(sandbox.env.CTX_CLIENT_SECRET!.replace(/[=]/g, '\\=')),
    )
  })
})
