import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {readAudit} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {connectorWire, daysAgo, locations, serviceUnavailableBody as unavailable} from '../../helpers/products.js'

const connectors = [
  connectorWire({
    id: 'c1',
    fqdn: 'cc-01.tokyo',
    location: 'loc-2',
    status: 'Disconnected',
    lastContactDate: daysAgo(90),
  }),
  connectorWire({id: 'c2', fqdn: 'cc-02.tokyo', location: 'loc-2', status: 'Connected', lastContactDate: daysAgo(90)}),
  connectorWire({
    id: 'c3',
    fqdn: 'cc-01.london',
    location: 'loc-1',
    status: 'Disconnected',
    lastContactDate: daysAgo(60),
  }),
]

describe('ctx connector remove', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  const listed = () =>
    mockToken().get('/resourcelocations').reply(200, {items: locations}).get('/connectors').reply(200, connectors)

  it('never removes a Connected connector through --stale', async () => {
    listed().delete('/connectors/c1').reply(200, 'true').delete('/connectors/c3').reply(200, 'true')
    const {error, stdout} = await runCommand(['connector', 'remove', '--stale', '30d', '--yes', '--json'])
    assert.equal(error, undefined)
    assert.deepEqual((JSON.parse(stdout) as {items: Array<{id: string}>}).items.map((i) => i.id).sort(), ['c1', 'c3'])
  })

  it('lists with --dry-run and removes nothing', async () => {
    listed()
    const {stdout, stderr} = await runCommand(['connector', 'remove', '--stale', '30d', '--dry-run'])
    assert.equal(stdout.match(/would remove/g)?.length, 2)
    assert.match(stderr, /nothing was changed/)
  })

  it('shows the status and last contact in the dry-run table, and warns of the last connector of a location', async () => {
    listed()
    const {stdout, stderr} = await runCommand(['connector', 'remove', '--stale', '30d', '--dry-run'])
    assert.match(stdout, /Result .* Status .* Last contact .* Id/)
    assert.match(stdout, /would remove .* cc-01\.london .* Disconnected .* \(60 d ago\) .* c3/)
    assert.match(stderr, /^Warning: cc-01\.london is the last connector of resource location \S+/m)
    assert.doesNotMatch(stderr, /cc-01\.tokyo is the last/, 'Tokyo keeps its Connected connector')
  })

  it('warns in the confirmation of a connector that reports Connected, and of a location left with none', async () => {
    listed().delete('/connectors/c1').reply(200, 'true').delete('/connectors/c2').reply(200, 'true')
    const {stderr} = await runCommand(['connector', 'remove', 'c1', 'c2', '--yes'])
    assert.match(stderr, /Status .* Last contact/)
    assert.match(stderr, /^Warning: cc-02\.tokyo reports Connected\.$/m)
    assert.match(stderr, /^Warning: cc-01\.tokyo is the last connector/m)
    assert.match(stderr, /^Warning: cc-02\.tokyo is the last connector/m)
  })

  it("reads every connector to find a location's last one when --type narrowed the list", async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .get('/connectors')
      .query({ConnectorType: 'Windows'})
      .reply(200, [connectors[2]])
      .get('/connectors')
      .reply(200, [
        ...connectors,
        connectorWire({id: 'a1', fqdn: 'ca-01.london', location: 'loc-1', connectorType: 'Unified'}),
      ])
    const {stderr} = await runCommand(['connector', 'remove', '--stale', '30d', '--type', 'windows', '--dry-run'])
    assert.doesNotMatch(stderr, /last connector/, stderr)
  })

  it('exits 10 naming the failure, and records every attempt in the audit log', async () => {
    listed().delete('/connectors/c1').reply(200, 'true').delete('/connectors/c3').reply(503, unavailable)
    const {error, stderr} = await runCommand(['connector', 'remove', '--stale', '30d', '--yes', '--max-retries', '0'])
    assert.equal(error?.oclif?.exit, 10)
    assert.match(stderr, /c3 \(cc-01\.london\): Citrix Cloud answered 503/)
    assert.deepEqual((await readAudit()).map((e) => [e.kind, e.id, e.result]).sort(), [
      ['connector', 'c1', 'removed'],
      ['connector', 'c3', 'failed'],
    ])
  })

  it('exits 2 without a terminal and without --yes', async () => {
    listed()
    const {error, stderr} = await runCommand(['connector', 'remove', 'c2'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --yes/)
  })
})
