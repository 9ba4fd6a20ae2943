import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../helpers/nock.js'
import {connectorWire, daysAgo, locations} from '../helpers/products.js'

const connectors = [
  connectorWire({
    id: 'c1',
    fqdn: 'cc-01.tokyo',
    location: 'loc-2',
    status: 'Disconnected',
    lastContactDate: daysAgo(90),
  }),
  connectorWire({id: 'c2', fqdn: 'ca-01.london', location: 'loc-1', connectorType: 'Unified', status: 'Connected'}),
  connectorWire({
    id: 'c3',
    fqdn: 'cc-01.london',
    location: 'loc-1',
    status: 'Disconnected',
    lastContactDate: daysAgo(60),
  }),
  // [doc] As Citrix's own sample: status Unknown, nulls; here without a last contact as well.
  connectorWire({
    id: 'c4',
    fqdn: 'cc-02.london',
    location: 'loc-1',
    status: 'Unknown',
    role: null,
    leaseEndDateTime: null,
    lastContactDate: null,
  }),
]

describe('locked --json shapes: ctx connector', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  // The token is cached in the config folder: only a test's first command asks for one.
  const listed = (token = true) =>
    (token ? mockToken() : nock(testApi))
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .get('/connectors')
      .reply(200, connectors)

  it('connector list', async () => {
    listed()
    expectJsonShape('connector-list', await runJson(['connector', 'list']))
  })

  it('connector remove: one removed and one not found, and a dry run', async () => {
    listed().delete('/connectors/c1').reply(200, 'true')
    const removed = await runJson(['connector', 'remove', 'c1', 'gone-id', '--yes'])
    listed(false)
    const dryRun = await runJson(['connector', 'remove', '--stale', '30d', '--dry-run'])
    expectJsonShape('connector-remove', removed, dryRun)
  })
})
