import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {trustAndLogin} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

describe('e2e: ctx appliance register into a new resource location (--create-location)', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let host: string
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({settings: {pollingIntervalSeconds: 1, sizes: {...defaultSizes, appliances: 1}}})
    host = await trustAndLogin(sandbox, 0)
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('creates the location, then registers the appliance into it in one command, with no console', async () => {
    const result = await runBin(
      [
        'appliance',
        'register',
        '--host',
        host,
        '--name',
        'ca-12.corp.example',
        '--resource-location',
        'Branch 12',
        '--create-location',
        '--accept',
      ],
      {env: sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /is registered with Citrix Cloud as ca-12\.corp\.example/)
    assert.match(result.stderr, /Created the resource location "Branch 12"/)
    const state = await sandbox.store.read()
    const location = state.resourceLocations.find((l) => l.name === 'Branch 12')
    assert.ok(location, 'the location was created')
    assert.ok(
      state.connectors.some(
        (c) => c.fqdn === 'ca-12.corp.example' && c.connectorType === 'Unified' && c.location === location.id,
      ),
    )
    assert.equal(sandbox.log.all().filter((r) => r.method === 'POST' && r.url === '/resourcelocations').length, 1)
  })
})
