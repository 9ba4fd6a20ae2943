import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {connectorWire, daysAgo, locations} from '../../helpers/products.js'

const connectors = [
  connectorWire({
    id: 'c1',
    fqdn: 'cc-01.tokyo',
    location: 'loc-2',
    status: 'Disconnected',
    lastContactDate: daysAgo(90),
  }),
  connectorWire({id: 'c2', fqdn: 'ca-01.london', location: 'loc-1', connectorType: 'Unified', status: 'Connected'}),
]

describe('ctx connector list', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  const locationsListed = () => mockToken().get('/resourcelocations').reply(200, {items: locations})

  it('prints a table with the type and the resource location by name', async () => {
    locationsListed().get('/connectors').reply(200, connectors)
    const {stdout} = await runCommand(['connector', 'list'])
    assert.match(stdout, /ca-01\.london .*Connector Appliance .*London DC .*Connected/)
    assert.match(stdout, /cc-01\.tokyo .*Cloud Connector .*Tokyo Branch .*Disconnected .*\(90 d ago\)/)
  })

  it('passes --resource-location and --type to Citrix as Location and ConnectorType', async () => {
    locationsListed()
      .get('/connectors')
      .query({Location: 'loc-1', ConnectorType: 'Unified'})
      .reply(200, [connectors[1]])
    const {stdout} = await runCommand([
      'connector',
      'list',
      '--resource-location',
      'loc-1',
      '--type',
      'appliance',
      '--json',
    ])
    assert.deepEqual(
      (JSON.parse(stdout) as {connectors: Array<{id: string}>}).connectors.map((c) => c.id),
      ['c2'],
    )
  })

  it('takes --type in any case, as Citrix does (--type Appliance)', async () => {
    locationsListed().get('/connectors').query({ConnectorType: 'Unified'}).reply(200, [connectors[1]])
    const {stdout} = await runCommand(['connector', 'list', '--type', 'Appliance', '--json'])
    assert.deepEqual(
      (JSON.parse(stdout) as {connectors: Array<{id: string}>}).connectors.map((c) => c.id),
      ['c2'],
    )
  })

  it('lists with --stale only disconnected connectors silent for longer', async () => {
    locationsListed().get('/connectors').reply(200, connectors)
    const {stdout} = await runCommand(['connector', 'list', '--stale', '30d', '--csv'])
    const lines = stdout.trim().split(/\r?\n/)
    assert.equal(lines[0], 'fqdn,type,locationName,status,version,lastContactAt,id,location,inMaintenance,versionState')
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      ['cc-01.tokyo'],
    )
  })

  it('exits 6 naming `ctx resource-location list` for an unknown resource location', async () => {
    locationsListed()
    const {error, stderr} = await runCommand(['connector', 'list', '--resource-location', 'Atlantis'])
    assert.equal(error?.oclif?.exit, 6)
    assert.match(stderr, /ctx resource-location list/)
  })

  it('says when nothing matches and names the command to try', async () => {
    locationsListed().get('/connectors').query({ConnectorType: 'Windows'}).reply(200, [])
    const {stderr} = await runCommand(['connector', 'list', '--type', 'windows'])
    assert.match(stderr, /No connectors match.*`ctx connector list`/)
  })

  it('exits 2 on an unknown --type', async () => {
    const {error} = await runCommand(['connector', 'list', '--type', 'linux'])
    assert.equal(error?.oclif?.exit, 2)
  })

  it('says Citrix may not list appliances, and points to the product list, when --type appliance finds none', async () => {
    locationsListed().get('/connectors').query({ConnectorType: 'Unified'}).reply(200, [])
    const {stdout, stderr} = await runCommand(['connector', 'list', '--type', 'appliance'])
    assert.equal(stdout, '')
    assert.match(
      stderr,
      /Citrix may not list Connector Appliances here.*`ctx product list --product connector-appliance`/,
    )
  })

  it('shows an Unknown connector with nulls, and never selects it by --stale while its last contact is recent', async () => {
    const unknown = connectorWire({
      id: 'u1',
      fqdn: 'cc-09.london',
      status: 'Unknown',
      role: null,
      leaseEndDateTime: null,
      lastContactDate: daysAgo(0.01),
    })
    locationsListed()
      .get('/connectors')
      .reply(200, [unknown])
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .get('/connectors')
      .reply(200, [unknown])
    const {stdout} = await runCommand(['connector', 'list'])
    assert.match(stdout, /cc-09\.london .*Cloud Connector .*London DC .*Unknown/)
    const stale = await runCommand(['connector', 'list', '--stale', '1h', '--json'])
    assert.deepEqual((JSON.parse(stale.stdout) as {connectors: unknown[]}).connectors, [])
  })
})
