import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../helpers/nock.js'
import {locations, serviceUnavailableBody as unavailable, staleLondonConnectors as stale} from '../helpers/products.js'

describe('locked --json shapes: ctx resource-location', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  // Later runs of one test find the token in the cache.
  const listed = (connectors: unknown[], scope = mockToken()) =>
    scope
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .get('/connectors')
      .query({Location: 'loc-1'})
      .reply(200, connectors)

  it('resource-location list', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    expectJsonShape('resource-location-list', await runJson(['resource-location', 'list']))
  })

  it('resource-location create', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .post('/resourcelocations')
      .reply(200, {id: 'loc-9', name: 'Lab', internalOnly: false, timeZone: 'UTC', readOnly: false})
    expectJsonShape('resource-location-create', await runJson(['resource-location', 'create', '--name', 'Lab']))
  })

  it('resource-location update', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .put('/resourcelocations/loc-1')
      .reply(200, {...locations[0], name: 'Lab'})
    expectJsonShape(
      'resource-location-update',
      await runJson(['resource-location', 'update', 'loc-1', '--name', 'Lab']),
    )
  })

  it('resource-location delete: an empty location, and one with its connectors (removed, or a dry run)', async () => {
    listed([]).delete('/resourcelocations/loc-1').reply(204)
    const empty = await runJson(['resource-location', 'delete', 'loc-1', '--yes'])
    listed(stale, nock(testApi))
      .delete('/connectors/c1')
      .reply(200, 'true')
      .delete('/connectors/c2')
      .reply(200, 'true')
      .delete('/resourcelocations/loc-1')
      .reply(204)
    const withConnectors = await runJson(['resource-location', 'delete', 'loc-1', '--with-connectors', '--yes'])
    listed(stale, nock(testApi))
    const dryRun = await runJson(['resource-location', 'delete', 'loc-1', '--with-connectors', '--dry-run'])
    expectJsonShape('resource-location-delete', empty, withConnectors, dryRun)
  })

  it('resource-location delete: the error document when a connector could not be removed (exit 10) carries every item', async () => {
    listed(stale).delete('/connectors/c1').reply(200, 'true').delete('/connectors/c2').reply(503, unavailable)
    const document = await runJson(
      ['resource-location', 'delete', 'loc-1', '--with-connectors', '--yes', '--max-retries', '0'],
      {exit: 10},
    )
    expectJsonShape('resource-location-delete.partial-failure', document)
  })
})
