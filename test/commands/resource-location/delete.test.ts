import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {readAudit} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {
  connectorWire,
  daysAgo,
  locations,
  serviceUnavailableBody as unavailable,
  staleLondonConnectors as dead,
} from '../../helpers/products.js'

const live = connectorWire({
  id: 'c3',
  fqdn: 'cc-03.london',
  location: 'loc-1',
  status: 'Connected',
  lastContactDate: daysAgo(0),
})

describe('ctx resource-location delete', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
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

  it('shows the location, and deletes it with --yes', async () => {
    listed([]).delete('/resourcelocations/loc-1').reply(204)
    const {stderr, error} = await runCommand(['resource-location', 'delete', '"London DC"', '--yes'])
    assert.equal(error, undefined)
    assert.match(stderr, /Resource location +London DC\nId +loc-1/)
    assert.match(stderr, /Deleted the resource location "London DC" \(loc-1\)/)
  })

  it('exits 2 naming --yes without a terminal, deleting nothing', async () => {
    listed([])
    const {error, stderr} = await runCommand(['resource-location', 'delete', '"London DC"'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --yes/)
  })

  it('exits 7 naming the connectors and the next command while connectors remain, without a DELETE', async () => {
    listed([...dead, live])
    const {error, stderr} = await runCommand(['resource-location', 'delete', '"London DC"', '--yes'])
    assert.equal(error?.oclif?.exit, 7)
    assert.match(stderr, /still has 3 connector\(s\).*cc-01\.london \(c1, Disconnected/)
    assert.match(stderr, /ctx resource-location delete loc-1 --with-connectors --dry-run/)
  })

  it('--with-connectors --dry-run lists both steps and changes nothing', async () => {
    listed(dead)
    const {stdout, stderr, error} = await runCommand([
      'resource-location',
      'delete',
      '"London DC"',
      '--with-connectors',
      '--dry-run',
    ])
    assert.equal(error, undefined)
    assert.equal(stdout.match(/would remove/g)?.length, 2)
    assert.match(stderr, /Dry run: 2 connectors would be removed; nothing was changed/)
    assert.match(stderr, /Dry run: then the resource location "London DC" \(loc-1\) would be deleted/)
    assert.deepEqual(await readAudit(), [])
  })

  it('--with-connectors refuses a recent connector not named with --connector (7, nothing removed)', async () => {
    listed([...dead, live])
    const {error, stderr} = await runCommand([
      'resource-location',
      'delete',
      '"London DC"',
      '--with-connectors',
      '--yes',
    ])
    assert.equal(error?.oclif?.exit, 7)
    assert.match(stderr, /cc-03\.london \(c3, Connected/)
    assert.match(stderr, /--connector c3/)
  })

  it('--with-connectors --yes lists every connector with status and last contact, removes them, then deletes the location', async () => {
    listed([...dead, live])
      .delete('/connectors/c1')
      .reply(200, 'true')
      .delete('/connectors/c2')
      .reply(200, 'true')
      .delete('/connectors/c3')
      .reply(200, 'true')
      .delete('/resourcelocations/loc-1')
      .reply(204)
    const {stdout, stderr, error} = await runCommand([
      'resource-location',
      'delete',
      'loc-1',
      '--with-connectors',
      '--connector',
      'c3',
      '--yes',
      '--json',
    ])
    assert.equal(error, undefined)
    assert.match(stderr, /Status +│ Last contact/)
    assert.match(stderr, /cc-02\.london .* Unknown .* \(3 d ago\)/)
    const deletion = JSON.parse(stdout) as {result: string; connectorRemoval: {removed: number}}
    assert.deepEqual([deletion.result, deletion.connectorRemoval.removed], ['deleted', 3])
    assert.deepEqual((await readAudit()).map((e) => e.id).sort(), ['c1', 'c2', 'c3'])
  })

  it('exits 10 and keeps the location when a connector could not be removed', async () => {
    listed(dead).delete('/connectors/c1').reply(200, 'true').delete('/connectors/c2').reply(503, unavailable)
    const {error, stdout, stderr} = await runCommand([
      'resource-location',
      'delete',
      '"London DC"',
      '--with-connectors',
      '--yes',
      '--max-retries',
      '0',
    ])
    assert.equal(error?.oclif?.exit, 10)
    assert.match(stdout, /removed .* cc-01\.london/)
    assert.match(stderr, /c2 \(cc-02\.london\): Citrix Cloud answered 503/)
    assert.match(stderr, /The resource location was kept/)
    assert.doesNotMatch(stderr, /Deleted the resource location/)
  })

  it('--connector needs --with-connectors (exit 2)', async () => {
    const {error} = await runCommand(['resource-location', 'delete', '"London DC"', '--connector', 'c1'])
    assert.equal(error?.oclif?.exit, 2)
  })
})
