import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {
  createResourceLocation,
  deleteResourceLocation,
  listResourceLocations,
  updateResourceLocation,
} from '../../../src/citrix/resource-locations.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCustomerClient} from '../../helpers/citrix.js'
import {mockToken, testApi, useNock} from '../../helpers/nock.js'

const model = {id: 'loc-9', name: 'Lab', internalOnly: true, timeZone: 'UTC', readOnly: false}

describe('citrix: resource locations', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    mockToken()
  })
  afterEach(() => temp.restore())
  useNock()

  it('creates with POST /resourcelocations, the published headers and exactly the fields given', async () => {
    nock(testApi, {
      reqheaders: {accept: 'application/json', 'citrix-customerid': 'acme', authorization: 'CwsAuth Bearer=token-abc'},
    })
      .post('/resourcelocations', (body) => JSON.stringify(body) === JSON.stringify({name: 'Lab', internalOnly: true}))
      .reply(200, model)
    assert.deepEqual(await createResourceLocation(await fakeCustomerClient(), {name: 'Lab', internalOnly: true}), model)
  })

  it('exits 8 naming the field when the create answer has no id', async () => {
    nock(testApi).post('/resourcelocations').reply(200, {name: 'Lab'})
    await assert.rejects(createResourceLocation(await fakeCustomerClient(), {name: 'Lab'}), {
      exitCode: 8,
      message: /POST \/resourcelocations without the field "id"/,
    })
  })

  it('updates with PUT /resourcelocations/{id} and returns the location as it now is', async () => {
    nock(testApi)
      .put('/resourcelocations/loc-9', {name: 'Lab 2', internalOnly: false, timeZone: 'UTC'})
      .reply(200, {...model, name: 'Lab 2', internalOnly: false})
    const updated = await updateResourceLocation(await fakeCustomerClient(), 'loc-9', {
      name: 'Lab 2',
      internalOnly: false,
      timeZone: 'UTC',
    })
    assert.deepEqual([updated.name, updated.internalOnly], ['Lab 2', false])
  })

  it('deletes with DELETE /resourcelocations/{id} (204), and takes 404 as gone already', async () => {
    nock(testApi)
      .delete('/resourcelocations/loc-9')
      .reply(204)
      .delete('/resourcelocations/loc-8')
      .reply(404, {type: 'https://errors-api.cloud.com/common/notFound', detail: 'not found'})
    const client = await fakeCustomerClient()
    assert.equal(await deleteResourceLocation(client, 'loc-9'), 'removed')
    assert.equal(await deleteResourceLocation(client, 'loc-8'), 'not-found')
  })

  it('reads a null time zone or flag tolerantly', async () => {
    nock(testApi)
      .get('/resourcelocations')
      .reply(200, {items: [{id: 'loc-1', name: 'Old', internalOnly: null, timeZone: null, readOnly: null}]})
    assert.deepEqual(await listResourceLocations(await fakeCustomerClient()), [
      {id: 'loc-1', name: 'Old', internalOnly: false, timeZone: '', readOnly: false},
    ])
  })
})
