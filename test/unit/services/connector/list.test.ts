import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {listConnectorRows} from '../../../../src/services/connector/list.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, testApi, useNock} from '../../../helpers/nock.js'
import {connectorWire, daysAgo, locations} from '../../../helpers/products.js'
import nock from 'nock'

const connectors = [
  connectorWire({
    id: 'c1',
    fqdn: 'cc-01.tokyo',
    location: 'loc-2',
    status: 'Disconnected',
    lastContactDate: daysAgo(90),
  }),
  connectorWire({id: 'c2', fqdn: 'cc-02.london', location: 'loc-1', status: 'Connected', lastContactDate: daysAgo(90)}),
  connectorWire({
    id: 'c3',
    fqdn: 'cc-01.london',
    location: 'loc-1',
    status: 'Disconnected',
    lastContactDate: daysAgo(2),
  }),
]

describe('connector list service', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    mockToken().get('/resourcelocations').reply(200, {items: locations})
  })
  afterEach(() => temp.restore())
  useNock()

  it('names each resource location and sorts by location, then FQDN', async () => {
    nock(testApi).get('/connectors').reply(200, connectors)
    const rows = await listConnectorRows(await fakeCustomerClient(), {})
    assert.deepEqual(
      rows.map((r) => [r.locationName, r.fqdn]),
      [
        ['London DC', 'cc-01.london'],
        ['London DC', 'cc-02.london'],
        ['Tokyo Branch', 'cc-01.tokyo'],
      ],
    )
  })

  it('resolves --resource-location by name, in any case, to the Location parameter', async () => {
    nock(testApi).get('/connectors').query({Location: 'loc-2', ConnectorType: 'Windows'}).reply(200, [connectors[0]])
    const rows = await listConnectorRows(await fakeCustomerClient(), {
      resourceLocation: 'tokyo branch',
      type: 'windows',
    })
    assert.deepEqual(
      rows.map((r) => r.id),
      ['c1'],
    )
  })

  it('exits 6 naming the next command when the resource location is unknown', async () => {
    await assert.rejects(listConnectorRows(await fakeCustomerClient(), {resourceLocation: 'Mars'}), {
      exitCode: 6,
      hint: /ctx resource-location list/,
    })
  })

  it('never selects an Unknown connector with a recent last contact by --stale, and selects a long-silent one', async () => {
    nock(testApi)
      .get('/connectors')
      .reply(200, [
        connectorWire({
          id: 'recent',
          status: 'Unknown',
          role: null,
          leaseEndDateTime: null,
          lastContactDate: daysAgo(0.01),
        }),
        connectorWire({
          id: 'silent',
          status: 'Unknown',
          role: null,
          leaseEndDateTime: null,
          lastContactDate: daysAgo(45),
        }),
        connectorWire({id: 'no-date', status: 'Unknown', lastContactDate: null}),
      ])
    const rows = await listConnectorRows(await fakeCustomerClient(), {stale: '30d'})
    assert.deepEqual(
      rows.map((r) => r.id),
      ['silent'],
    )
  })

  it('never counts a Connected connector as stale, whatever its last contact', async () => {
    nock(testApi).get('/connectors').reply(200, connectors)
    const rows = await listConnectorRows(await fakeCustomerClient(), {stale: '30d'})
    assert.deepEqual(
      rows.map((r) => r.id),
      ['c1'],
    )
  })
})
