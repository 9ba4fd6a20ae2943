import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {testAppliance} from '../../helpers/appliance.js'
import {caCertFile} from '../../helpers/appliance-env.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {locations} from '../../helpers/products.js'

const created = {
  id: '7a0c2a51-6e0b-4b7e-9d3f-1a2b3c4d5e6f',
  name: 'Branch 12',
  internalOnly: false,
  timeZone: 'UTC',
  readOnly: false,
}
const codeReply = {
  code: 'AB12CD34',
  pollingInterval: 1,
  status: 'Unregistered',
  verificationUrl: 'https://citrix.cloud.com/identity/api-access/product-registrations',
  expiryTimestamp: '2099-01-01T00:15:00.000Z',
}

describe('ctx appliance register --create-location', () => {
  let temp: ReturnType<typeof useTempConfig>
  let args: string[]
  beforeEach(() => {
    temp = useTempConfig()
    process.env.CTX_APPLIANCE_PASSWORD = 'pw'
    Object.assign(process.env, fakeCredentialsEnv())
    args = ['appliance', 'register', '--host', 'ca.test:4443', '--ca-cert', caCertFile(temp.dir), '--name', 'ca-01']
  })
  afterEach(() => temp.restore())
  useNock()
  const appliance = () => nock(testAppliance).post('/$login').reply(200, {token: 'tok', expiresIn: 900})

  it('creates the missing location first and registers the appliance into it', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .post('/resourcelocations', {name: 'Branch 12'})
      .reply(200, created)
    appliance()
      .post('/registration', {name: 'ca-01', deployment: 'production', resource_location_id: created.id})
      .reply(201, codeReply)
    const {error, stderr, stdout} = await runCommand([
      ...args,
      '--resource-location',
      '"Branch 12"',
      '--create-location',
    ])
    assert.equal(error, undefined)
    assert.match(stderr, /Created the resource location "Branch 12" \(7a0c2a51-/)
    assert.match(stdout, /Code: +AB12CD34/)
  })

  it('uses a location that exists, creating nothing', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    appliance()
      .post('/registration', {name: 'ca-01', deployment: 'production', resource_location_id: 'loc-2'})
      .reply(201, codeReply)
    const {error, stderr} = await runCommand([...args, '--resource-location', '"tokyo branch"', '--create-location'])
    assert.equal(error, undefined)
    assert.doesNotMatch(stderr, /Created the resource location/)
  })

  it('needs --resource-location (exit 2)', async () => {
    const {error} = await runCommand([...args, '--create-location'])
    assert.equal(error?.oclif?.exit, 2)
  })
})
