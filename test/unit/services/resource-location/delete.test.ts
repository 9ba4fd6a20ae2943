import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {readAudit} from '../../../../src/services/audit-log.js'
import {
  tearDownResourceLocation,
  type DeletionPlan,
  type TearDownResourceLocationOptions,
} from '../../../../src/services/resource-location/delete.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, useNock} from '../../../helpers/nock.js'
import {
  connectorWire,
  daysAgo,
  locations,
  serviceUnavailableBody as unavailable,
  staleLondonConnectors as dead,
} from '../../../helpers/products.js'

const live = connectorWire({
  id: 'c3',
  fqdn: 'cc-03.london',
  location: 'loc-1',
  status: 'Unknown',
  lastContactDate: daysAgo(0.1),
})
const connected = connectorWire({
  id: 'c4',
  fqdn: 'cc-04.london',
  location: 'loc-1',
  status: 'Connected',
  lastContactDate: daysAgo(30),
})

describe('resource location delete service', () => {
  let temp: ReturnType<typeof useTempConfig>
  let asked: DeletionPlan[]
  beforeEach(() => {
    temp = useTempConfig()
    asked = []
  })
  afterEach(() => temp.restore())
  useNock()

  const listed = (connectors: unknown[]) =>
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .get('/connectors')
      .query({Location: 'loc-1'})
      .reply(200, connectors)
  const run = async (options: Partial<TearDownResourceLocationOptions> = {}) =>
    tearDownResourceLocation({
      client: await fakeCustomerClient(),
      location: 'London DC',
      confirm: async (plan) => (asked.push(plan), true),
      audit: {profile: 'default', customer: 'acme'},
      ...options,
    })

  it('deletes an empty location after asking once, showing it', async () => {
    listed([]).delete('/resourcelocations/loc-1').reply(204)
    const deletion = await run()
    assert.equal(deletion.result, 'deleted')
    assert.deepEqual(
      asked.map((p) => [p.resourceLocation.id, p.connectors.length]),
      [['loc-1', 0]],
    )
  })

  it('exits 7 naming every connector and the next command, with no DELETE, while connectors remain', async () => {
    listed([...dead, live])
    await assert.rejects(run(), (error: Error & {exitCode: number; hint: string}) => {
      assert.equal(error.exitCode, 7)
      assert.match(
        error.message,
        /still has 3 connector\(s\).*cc-01\.london \(c1, Disconnected, last contact .*\).*cc-03\.london/,
      )
      assert.match(error.hint, /ctx resource-location delete loc-1 --with-connectors --dry-run/)
      assert.match(error.hint, /1 of them contacted Citrix Cloud within 24h/)
      return true
    })
    assert.deepEqual(asked, [])
  })

  it('with connectors: refuses (7, nothing removed) a recent or Connected connector that is not named', async () => {
    listed([...dead, live, connected])
    await assert.rejects(run({withConnectors: true}), {
      exitCode: 7,
      message:
        /2 connector\(s\) of "London DC" contacted Citrix Cloud within 24h.*cc-03\.london.*cc-04\.london.*Nothing was changed/,
      hint: /--connector c3 --connector c4/,
    })
    assert.deepEqual(await readAudit(), [])
  })

  it('with connectors: removes the stale ones and those named, records each, then deletes the location', async () => {
    listed([...dead, live])
      .delete('/connectors/c1')
      .reply(200, 'true')
      .delete('/connectors/c2')
      .reply(200, 'true')
      .delete('/connectors/c3')
      .reply(200, 'true')
      .delete('/resourcelocations/loc-1')
      .reply(204)
    const reports: unknown[] = []
    const deletion = await run({
      withConnectors: true,
      connectorIds: ['c3'],
      onConnectorsRemoved: async (r) => void reports.push(r),
    })
    assert.equal(deletion.result, 'deleted')
    assert.equal(deletion.connectorRemoval?.removed, 3)
    assert.equal(reports.length, 1)
    assert.equal(asked.length, 1, 'one question for both steps')
    assert.deepEqual((await readAudit()).map((e) => [e.kind, e.id, e.result]).sort(), [
      ['connector', 'c1', 'removed'],
      ['connector', 'c2', 'removed'],
      ['connector', 'c3', 'removed'],
    ])
  })

  it('--stale sets the window: a connector silent for longer is removed without naming it', async () => {
    listed([live]).delete('/connectors/c3').reply(200, 'true').delete('/resourcelocations/loc-1').reply(204)
    assert.equal((await run({withConnectors: true, recentWindow: '1h'})).result, 'deleted')
  })

  it('with connectors and --dry-run: shows both steps, asks nothing, changes nothing', async () => {
    listed(dead)
    const deletion = await run({withConnectors: true, dryRun: true})
    assert.equal(deletion.result, 'would-delete')
    assert.deepEqual(
      deletion.connectorRemoval?.items.map((i) => i.result),
      ['would-remove', 'would-remove'],
    )
    assert.deepEqual(asked, [])
    assert.deepEqual(await readAudit(), [])
  })

  it('keeps the location when a connector could not be removed, reporting it', async () => {
    listed(dead).delete('/connectors/c1').reply(200, 'true').delete('/connectors/c2').reply(503, unavailable)
    const deletion = await run({withConnectors: true})
    assert.equal(deletion.result, 'not-deleted')
    assert.deepEqual(
      deletion.connectorRemoval?.items.map((i) => [i.id, i.result]),
      [
        ['c1', 'removed'],
        ['c2', 'failed'],
      ],
    )
  })

  it('reports a named connector that is gone already as not found, and still deletes the location', async () => {
    listed([]).delete('/resourcelocations/loc-1').reply(204)
    const deletion = await run({withConnectors: true, connectorIds: ['c9']})
    assert.equal(deletion.result, 'deleted')
  })

  it('changes nothing when the confirmation is declined', async () => {
    listed(dead)
    const deletion = await run({withConnectors: true, confirm: async () => false})
    assert.deepEqual([deletion.result, deletion.confirmed], ['not-deleted', false])
  })

  it('exits 7 when Citrix still refuses the DELETE with 400 (something /connectors does not list)', async () => {
    listed([])
      .delete('/resourcelocations/loc-1')
      .reply(400, {type: 'https://errors-api.cloud.com/common/badRequest', detail: 'connectors remain'})
    await assert.rejects(run(), {
      exitCode: 7,
      message: /refused to delete the resource location "London DC": Citrix Cloud answered 400: connectors remain/,
      hint: /connector-appliance/,
    })
  })
})
