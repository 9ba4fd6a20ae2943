import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {locations} from '../../helpers/products.js'

describe('ctx resource-location update', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('renames by name and turns internal-only off with --no-internal-only', async () => {
    const london = {...locations[0]!, internalOnly: true}
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: [london, locations[1]]})
      .put('/resourcelocations/loc-1', {name: 'London', internalOnly: false, timeZone: 'UTC'})
      .reply(200, {...london, name: 'London', internalOnly: false})
    const {stdout, stderr, error} = await runCommand([
      'resource-location',
      'update',
      '"london dc"',
      '--name',
      'London',
      '--no-internal-only',
    ])
    assert.equal(error, undefined)
    assert.match(stderr, /Updated name, internalOnly of the resource location loc-1/)
    assert.match(stdout, /Name +London\n/)
    assert.match(stdout, /Internal only +no/)
  })

  it('returns the location and the changed fields under --json', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .put('/resourcelocations/loc-2')
      .reply(200, {...locations[1], timeZone: 'Tokyo Standard Time'})
    const {stdout} = await runCommand([
      'resource-location',
      'update',
      'loc-2',
      '--time-zone',
      '"Tokyo Standard Time"',
      '--json',
    ])
    const update = JSON.parse(stdout) as {changed: string[]; resourceLocation: {timeZone: string}}
    assert.deepEqual([update.changed, update.resourceLocation.timeZone], [['timeZone'], 'Tokyo Standard Time'])
  })

  it('exits 7 when another location has the new name, without a PUT', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    const {error, stderr} = await runCommand(['resource-location', 'update', '"Tokyo Branch"', '--name', '"London DC"'])
    assert.equal(error?.oclif?.exit, 7)
    assert.match(stderr, /already named "London DC"/)
  })

  it('exits 2 when nothing is to change', async () => {
    const {error, stderr} = await runCommand(['resource-location', 'update', 'loc-1'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Nothing to change/)
  })
})
