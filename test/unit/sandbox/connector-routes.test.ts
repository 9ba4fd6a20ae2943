import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import type {CitrixClient} from '../../../src/citrix/client.js'
import type {ConnectorWire} from '../../../src/citrix/connectors.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import {useTempConfig} from '../../helpers/env.js'
import {sandboxClient} from '../../helpers/citrix.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

describe('sandbox routes: connectors', () => {
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

  it('answers a bare array with every field of the published model', async () => {
    const {body} = await client.call<ConnectorWire[]>(endpoints.listConnectors)
    assert.ok(Array.isArray(body))
    assert.deepEqual(Object.keys(body[0]!).sort(), [
      'connectorType',
      'currentBootstrapperVersion',
      'currentVersion',
      'expectedBootStrapperVersion',
      'expectedVersion',
      'fqdn',
      'id',
      'inMaintenance',
      'lastContactDate',
      'leaseEndDateTime',
      'location',
      'role',
      'status',
      'upgradeDisabled',
      'versionState',
      'windowsSid',
    ])
  })

  it('filters by Location and ConnectorType', async () => {
    const {resourceLocations} = await sandbox.store.read()
    const location = resourceLocations[1]!.id
    const {body} = await client.call<ConnectorWire[]>(endpoints.listConnectors, {
      query: {Location: location, ConnectorType: 'Windows'},
    })
    assert.ok(body!.length > 0)
    assert.ok(body!.every((c) => c.location === location && c.connectorType === 'Windows'))
  })

  it('deletes a connector with 200 true, then answers 404', async () => {
    const {connectors} = await sandbox.store.read()
    const id = connectors[0]!.id
    const {status, body} = await client.call<boolean>(endpoints.deleteConnector, {params: {id}})
    assert.deepEqual([status, body], [200, true])
    await assert.rejects(client.call(endpoints.deleteConnector, {params: {id}}), {status: 404})
  })
})
