import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {removeConnectors} from '../../../../src/services/connector/remove.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, testApi, useNock} from '../../../helpers/nock.js'
import {connectorWire, daysAgo, locations} from '../../../helpers/products.js'

const connectors = [
  connectorWire({id: 'c1', fqdn: 'cc-01', status: 'Disconnected', lastContactDate: daysAgo(90)}),
  connectorWire({id: 'c2', fqdn: 'cc-02', status: 'Connected', lastContactDate: daysAgo(90)}),
]
const base = {audit: {profile: 'default', customer: 'acme'}, confirm: async () => true}

describe('connector remove service', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    mockToken().get('/resourcelocations').reply(200, {items: locations}).get('/connectors').reply(200, connectors)
  })
  afterEach(() => temp.restore())
  useNock()

  it('removes only disconnected connectors silent for longer than --stale', async () => {
    nock(testApi).delete('/connectors/c1').reply(200, 'true')
    const report = await removeConnectors({...base, client: await fakeCustomerClient(), stale: '30d'})
    assert.deepEqual(
      report.items.map((i) => [i.id, i.result]),
      [['c1', 'removed']],
    )
  })

  it('removes a connector by id even when it reports Connected', async () => {
    nock(testApi).delete('/connectors/c2').reply(200, 'true')
    const report = await removeConnectors({...base, client: await fakeCustomerClient(), ids: ['c2']})
    assert.deepEqual(
      report.items.map((i) => [i.id, i.result, i.product]),
      [['c2', 'removed', 'Cloud Connector']],
    )
  })
})
