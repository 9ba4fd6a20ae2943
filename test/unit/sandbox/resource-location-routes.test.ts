import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import type {CitrixClient} from '../../../src/citrix/client.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import type {ResourceLocationWire} from '../../../src/citrix/resource-locations.js'
import {useTempConfig} from '../../helpers/env.js'
import {sandboxClient} from '../../helpers/citrix.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

describe('sandbox routes: resource locations', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let client: CitrixClient
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox()
    client = await sandboxClient(sandbox)
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('creates with 200 and the published model, defaults filled in', async () => {
    const {status, body} = await client.call<ResourceLocationWire>(endpoints.createResourceLocation, {
      json: {name: 'Lab'},
    })
    assert.equal(status, 200)
    assert.deepEqual(Object.keys(body!).sort(), ['id', 'internalOnly', 'name', 'readOnly', 'timeZone'])
    assert.deepEqual([body!.name, body!.internalOnly, body!.readOnly], ['Lab', false, false])
    assert.ok((await sandbox.store.read()).resourceLocations.some((l) => l.id === body!.id))
  })

  it('answers 400 in the common envelope when name is missing or holds a forbidden character', async () => {
    await assert.rejects(client.call(endpoints.createResourceLocation, {json: {internalOnly: true}}), {
      status: 400,
      errorType: 'https://errors-api.cloud.com/common/missing',
      parameters: {property: 'name'},
    })
    await assert.rejects(client.call(endpoints.createResourceLocation, {json: {name: 'a/b'}}), {
      status: 400,
      detail: 'Field "name" has an invalid value.',
    })
    await assert.rejects(client.call(endpoints.createResourceLocation, {json: {name: 'ok', timeZone: 3}}), {
      status: 400,
      parameters: {property: 'timeZone'},
    })
  })

  it('updates only the fields given, with 200 and the model; 404 for an unknown id', async () => {
    const {body: created} = await client.call<ResourceLocationWire>(endpoints.createResourceLocation, {
      json: {name: 'Before', timeZone: 'UTC'},
    })
    const {status, body} = await client.call<ResourceLocationWire>(endpoints.updateResourceLocation, {
      params: {id: created!.id},
      json: {name: 'After', internalOnly: true},
    })
    assert.equal(status, 200)
    assert.deepEqual(body, {...created, name: 'After', internalOnly: true})
    await assert.rejects(client.call(endpoints.updateResourceLocation, {params: {id: 'nope'}, json: {name: 'x'}}), {
      status: 404,
    })
  })

  it('refuses to delete with 400 while a connector remains, then deletes with 204, then answers 404', async () => {
    const state = await sandbox.store.read()
    const location = state.resourceLocations[0]!
    const connectors = state.connectors.filter((c) => c.location === location.id)
    assert.ok(connectors.length > 0)
    await assert.rejects(client.call(endpoints.deleteResourceLocation, {params: {id: location.id}}), {
      status: 400,
      detail: /still has \d+ connector/,
    })
    for (const c of connectors) await client.call(endpoints.deleteConnector, {params: {id: c.id}})
    const {status, body} = await client.call(endpoints.deleteResourceLocation, {params: {id: location.id}})
    assert.deepEqual([status, body], [204, undefined])
    await assert.rejects(client.call(endpoints.deleteResourceLocation, {params: {id: location.id}}), {status: 404})
  })
})
