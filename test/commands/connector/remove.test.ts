import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {readAudit} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {connectorWire, daysAgo, locations} from '../../helpers/products.js'

const connectors = [
  connectorWire({id: 'c1', fqdn: 'cc-01.tokyo', location: 'loc-2', status: 'Disconnected', lastContactDate: daysAgo(90)}),
  connectorWire({id: 'c2', fqdn: 'cc-02.tokyo', location: 'loc-2', status: 'Connected', lastContactDate: daysAgo(90)}),
  connectorWire({id: 'c3', fqdn: 'cc-01.london', location: 'loc-1', status: 'Disconnected', lastContactDate: daysAgo(60)}),
]
const unavailable = {type: 'https://errors-api.cloud.com/common/serviceUnavailable', detail: 'Service unavailable', parameters: [{name: 'retryDelay', value: '0'}]}

describe('ctx connector remove', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  const listed = () => mockToken().get('/resourcelocations').reply(200, {items: locations}).get('/connectors').reply(200, connectors)

  it('never removes a Connected connector through --stale', async () => {
    listed().delete('/connectors/c1').reply(200, 'true').delete('/connectors/c3').reply(200, 'true')
    const {error, stdout} = await runCommand(['connector', 'remove', '--stale', '30d', '--yes', '--json'])
    assert.equal(error, undefined)
    assert.deepEqual((JSON.parse(stdout) as {items: Array<{id: string}>}).items.map((i) => i.id).sort(), ['c1', 'c3'])
  })

  it('lists with --dry-run and removes nothing', async () => {
    listed()
    const {stdout, stderr} = await runCommand(['connector', 'remove', '--stale', '30d', '--dry-run'])
    assert.equal(stdout.match(/would remove/g)?.length, 2)
    assert.match(stderr, /nothing was changed/)
  })

  it('exits 10 naming the failure, and records every attempt in the audit log', async () => {
    listed().delete('/connectors/c1').reply(200, 'true').delete('/connectors/c3').reply(503, unavailable)
    const {error, stderr} = await runCommand(['connector', 'remove', '--stale', '30d', '--yes', '--max-retries', '0'])
    assert.equal(error?.oclif?.exit, 10)
    assert.match(stderr, /c3 \(cc-01\.london\): Citrix Cloud answered 503/)
    assert.deepEqual((await readAudit()).map((e) => [e.kind, e.id, e.result]).sort(), [['connector', 'c1', 'removed'], ['connector', 'c3', 'failed']])
  })

  it('exits 2 without a terminal and without --yes', async () => {
    listed()
    const {error, stderr} = await runCommand(['connector', 'remove', 'c2'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --yes/)
  })
})
