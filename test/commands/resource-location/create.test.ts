import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {locations} from '../../helpers/products.js'

const created = {id: 'loc-9', name: 'Lab', internalOnly: true, timeZone: 'GMT Standard Time', readOnly: false}

describe('ctx resource-location create', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('prints the new id alone on stdout', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .post('/resourcelocations', {name: 'Lab', internalOnly: true, timeZone: 'GMT Standard Time'})
      .reply(200, created)
    const {stdout, stderr, error} = await runCommand([
      'resource-location',
      'create',
      '--name',
      'Lab',
      '--internal-only',
      '--time-zone',
      '"GMT Standard Time"',
    ])
    assert.equal(error, undefined)
    assert.equal(stdout, 'loc-9\n')
    assert.match(stderr, /Created the resource location "Lab" \(internal only, time zone GMT Standard Time\)/)
  })

  it('returns the whole location under --json', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .post('/resourcelocations', {name: 'Lab'})
      .reply(200, {...created, internalOnly: false})
    const {stdout} = await runCommand(['resource-location', 'create', '--name', 'Lab', '--json'])
    assert.deepEqual(JSON.parse(stdout), {...created, internalOnly: false})
  })

  it('exits 7 when the name is taken, without a create call', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    const {error, stderr, stdout} = await runCommand(['resource-location', 'create', '--name', '"London DC"'])
    assert.equal(error?.oclif?.exit, 7)
    assert.match(stderr, /already named "London DC" \(loc-1\)/)
    assert.equal(stdout, '')
  })

  it('exits 2 naming --name without a terminal', async () => {
    const {error, stderr} = await runCommand(['resource-location', 'create'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --name/)
  })
})
