import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {trustAndLogin} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

interface HistoryEntry {
  action: string
  kind: string
  hostname: string
  result: string
  profile: string
  customer: string
}

describe('e2e: appliance registrations in the audit log, and --unattended with the API client given', () => {
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
  const history = async (): Promise<HistoryEntry[]> => {
    const result = await runBin(['product', 'history', '--json'], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    return (JSON.parse(result.stdout) as {entries: HistoryEntry[]}).entries
  }

  it('records --accept in the audit log that product history shows', async () => {
    const result = await runBin(
      [
        'appliance',
        'register',
        '--host',
        hosts[0]!,
        '--name',
        'ca-accepted',
        '--resource-location',
        'Headquarters',
        '--accept',
      ],
      {env: sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    const entry = (await history()).find((e) => e.hostname === 'ca-accepted')
    assert.deepEqual(entry && [entry.action, entry.kind, entry.result, entry.customer], [
      'register',
      'product',
      'registered',
      sandbox.env.CTX_CUSTOMER_ID,
    ])
  })

  it("looks a resource location name up with the API client given to --unattended, not the profile's (none here), and records it", async () => {
    const env = {...sandbox.env, CTX_CLIENT_ID: undefined, CTX_CLIENT_SECRET: undefined}
    const result = await runBin(
      [
        'appliance',
        'register',
        '--host',
        hosts[1]!,
        '--name',
        'ca-unattended',
        '--unattended',
        '--client-id',
        sandbox.env.CTX_CLIENT_ID!,
        '--client-secret-stdin',
        '--resource-location',
        'Headquarters',
      ],
      {env, input: sandbox.env.CTX_CLIENT_SECRET},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /is registered with Citrix Cloud as ca-unattended/)
    const entry = (await history()).find((e) => e.hostname === 'ca-unattended')
    assert.deepEqual(entry && [entry.action, entry.result], ['register', 'registered'])
  })

  it('exits 3 naming CTX_CUSTOMER_ID when a name must be looked up and no customer id is known', async () => {
    const env = {...sandbox.env, CTX_CLIENT_ID: undefined, CTX_CLIENT_SECRET: undefined, CTX_CUSTOMER_ID: undefined}
    const result = await runBin(
      [
        'appliance',
        'register',
        '--host',
        hosts[2]!,
        '--name',
        'ca-x',
        '--unattended',
        '--client-id',
        sandbox.env.CTX_CLIENT_ID!,
        '--client-secret-stdin',
        '--resource-location',
        'Headquarters',
      ],
      {env, input: sandbox.env.CTX_CLIENT_SECRET},
    )
    assert.equal(result.code, 3)
    assert.match(result.stderr, /needs the customer id of the API client given/)
    assert.match(result.stderr, /CTX_CUSTOMER_ID/)
  })
})
