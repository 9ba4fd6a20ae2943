import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

const items = [
  {id: '11111111-1111-4111-8111-111111111111', name: 'Zurich', internalOnly: false, timeZone: 'UTC', readOnly: false},
  {id: '22222222-2222-4222-8222-222222222222', name: 'Amsterdam', internalOnly: true, timeZone: 'UTC', readOnly: false},
]

describe('ctx resource-location list', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('prints a table sorted by name', async () => {
    mockToken().get('/resourcelocations').reply(200, {items})
    const {stdout, error} = await runCommand(['resource-location', 'list'])
    assert.equal(error, undefined)
    assert.ok(stdout.indexOf('Amsterdam') < stdout.indexOf('Zurich'))
    assert.match(stdout, /22222222-2222-4222-8222-222222222222/)
  })

  it('returns the list under --json', async () => {
    mockToken().get('/resourcelocations').reply(200, {items})
    const {stdout} = await runCommand(['resource-location', 'list', '--json'])
    const result = JSON.parse(stdout) as {resourceLocations: Array<{name: string}>}
    assert.deepEqual(
      result.resourceLocations.map((l) => l.name),
      ['Amsterdam', 'Zurich'],
    )
  })

  it('prints CSV with a header under --csv', async () => {
    mockToken().get('/resourcelocations').reply(200, {items})
    const {stdout} = await runCommand(['resource-location', 'list', '--csv'])
    const lines = stdout.trim().split(/\r?\n/)
    assert.equal(lines[0], 'name,id,timeZone,internalOnly')
    assert.equal(lines.length, 3)
  })

  it('says so and names what to do when there are none', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: []})
    const {stderr} = await runCommand(['resource-location', 'list'])
    assert.match(stderr, /No resource locations/)
  })

  it('exits 3 naming the missing settings when there are no credentials', async () => {
    delete process.env.CTX_CLIENT_SECRET
    const {error, stderr} = await runCommand(['resource-location', 'list'])
    assert.equal(error?.oclif?.exit, 3)
    assert.match(stderr, /missing client secret/)
  })

  it('exits 4 when Citrix refuses the API client', async () => {
    nock(testApi)
      .post('/cctrustoauth2/acme/tokens/clients')
      .reply(400, {error: 'invalid_client', error_description: 'Invalid client id or client secret.'})
    const {error, stderr} = await runCommand(['resource-location', 'list'])
    assert.equal(error?.oclif?.exit, 4)
    assert.match(stderr, /Invalid client id or client secret/)
    assert.doesNotMatch(stderr, /top-secret-value/)
  })
})
