import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import nock from 'nock'

import {CitrixClient} from '../../../src/citrix/client.js'
import {deleteConnector, listConnectors} from '../../../src/citrix/connectors.js'
import {resolveSettings} from '../../../src/config/settings.js'
import {ConfigStore} from '../../../src/config/store.js'
import {createHttpClient} from '../../../src/http/client.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'
import {connectorWire} from '../../helpers/products.js'

async function makeClient(maxRetries = 0): Promise<CitrixClient> {
  Object.assign(process.env, fakeCredentialsEnv())
  return new CitrixClient(createHttpClient({maxRetries}), await resolveSettings({}, ConfigStore.open()))
}

describe('citrix/connectors', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())
  useNock()

  it('lists from the bare array, passing Location and ConnectorType', async () => {
    mockToken()
      .get('/connectors')
      .query({Location: 'loc-1', ConnectorType: 'Unified'})
      .reply(200, [connectorWire({id: 'c1', connectorType: 'Unified', fqdn: 'ca-01'})])
    const connectors = await listConnectors(await makeClient(), {location: 'loc-1', type: 'Unified'})
    assert.deepEqual(
      connectors.map((c) => [c.id, c.type, c.fqdn]),
      [['c1', 'Unified', 'ca-01']],
    )
  })

  it("reads Citrix's own sample: status Unknown, role and leaseEndDateTime null", async () => {
    nock(testApi)
      .get('/connectors')
      .reply(200, [connectorWire({id: 'c1', status: 'Unknown', role: null, leaseEndDateTime: null})])
    const [connector] = await listConnectors(await makeClient())
    assert.deepEqual([connector!.id, connector!.status], ['c1', 'Unknown'])
  })

  it('reads nulls and missing fields as shown defaults, never undefined', async () => {
    nock(testApi)
      .get('/connectors')
      .reply(200, [{id: 'c1', fqdn: null, connectorType: 'Hybrid', lastContactDate: null, extra: [1]}])
    const [connector] = await listConnectors(await makeClient())
    assert.deepEqual(connector, {
      id: 'c1',
      fqdn: '',
      type: 'Hybrid',
      location: '',
      status: 'Unknown',
      version: '',
      versionState: '',
      lastContactAt: null,
      inMaintenance: false,
    })
  })

  it('reads an items envelope too', async () => {
    nock(testApi)
      .get('/connectors')
      .reply(200, {Items: [connectorWire({id: 'c1'})]})
    assert.deepEqual(
      (await listConnectors(await makeClient())).map((c) => c.id),
      ['c1'],
    )
  })

  it('stops with exit 8 naming the call and the field when a connector has no id', async () => {
    nock(testApi)
      .get('/connectors')
      .reply(200, [{fqdn: 'cc-01'}])
    await assert.rejects(listConnectors(await makeClient()), {exitCode: 8, message: /GET \/connectors has no "id"/})
  })

  it('sends no filter parameters when none are asked for', async () => {
    nock(testApi).get('/connectors').query({}).reply(200, [])
    assert.deepEqual(await listConnectors(await makeClient()), [])
  })

  it('deletes with 200 true', async () => {
    nock(testApi).delete('/connectors/c1').reply(200, 'true', {'content-type': 'application/json'})
    assert.equal(await deleteConnector(await makeClient(), 'c1'), 'removed')
  })

  it('retries a DELETE answered 503, as DELETE is idempotent', async () => {
    nock(testApi)
      .delete('/connectors/c1')
      .reply(503, {
        type: 'https://errors-api.cloud.com/common/serviceUnavailable',
        detail: 'Service unavailable',
        parameters: [{name: 'retryDelay', value: '0'}],
      })
      .delete('/connectors/c1')
      .reply(200, 'true')
    assert.equal(await deleteConnector(await makeClient(2), 'c1'), 'removed')
  })

  it('reports a connector already gone as not found', async () => {
    nock(testApi)
      .delete('/connectors/c1')
      .reply(404, {type: 'https://errors-api.cloud.com/common/notFound', detail: 'Connector c1 not found'})
    assert.equal(await deleteConnector(await makeClient(), 'c1'), 'not-found')
  })
})
