import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {alreadyRegisteredBody, missingFieldBody, testAppliance, withoutTerminal} from '../../helpers/appliance.js'
import {caCertFile} from '../../helpers/appliance-env.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'

const location = '0f9c2a51-6e0b-4b7e-9d3f-1a2b3c4d5e6f'
const codeReply = {
  code: 'AB12CD34',
  pollingInterval: 1,
  status: 'Unregistered',
  verificationUrl: 'https://citrix.cloud.com/identity/api-access/product-registrations',
  expiryTimestamp: '2099-01-01T00:15:00.000Z',
}

describe('ctx appliance register', () => {
  let temp: ReturnType<typeof useTempConfig>
  let args: string[]
  beforeEach(() => {
    temp = useTempConfig()
    process.env.CTX_APPLIANCE_PASSWORD = 'pw'
    args = ['appliance', 'register', '--host', 'ca.test:4443', '--ca-cert', caCertFile(temp.dir), '--name', 'ca-01']
  })
  afterEach(() => temp.restore())
  useNock()
  const appliance = () => nock(testAppliance).post('/$login').reply(200, {token: 'tok', expiresIn: 900})

  it('prints the code, the verification URL and the expiry, and says what to do next', async () => {
    appliance()
      .post('/registration', {name: 'ca-01', deployment: 'production', resource_location_id: location})
      .reply(201, codeReply)
    const {stdout, stderr, error} = await runCommand([...args, '--resource-location', location])
    assert.equal(error, undefined)
    assert.match(stdout, /Code: +AB12CD34/)
    assert.match(stdout, /Verification URL: +https:\/\/citrix\.cloud\.com\/identity\/api-access\/product-registrations/)
    assert.match(stdout, /Expires: +2099-01-01T00:15:00\.000Z/)
    assert.match(stderr, /Product Registrations[\s\S]*enter the code AB12CD34/)
  })

  it('returns the code under --json', async () => {
    appliance().post('/registration').reply(201, codeReply)
    const {stdout} = await runCommand([...args, '--resource-location', location, '--json'])
    const result = JSON.parse(stdout) as {code: string; status: string; host: string}
    assert.deepEqual([result.code, result.status, result.host], ['AB12CD34', 'Unregistered', 'ca.test:4443'])
  })

  it('looks a resource location name up in Citrix Cloud', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    mockToken()
      .get('/resourcelocations')
      .reply(200, {
        items: [{id: location, name: 'Headquarters', internalOnly: false, timeZone: 'UTC', readOnly: false}],
      })
    appliance()
      .post('/registration', {name: 'ca-01', deployment: 'productionjp', resource_location_id: location})
      .reply(201, codeReply)
    const {error} = await runCommand([...args, '--resource-location', 'headquarters', '--deployment', 'productionjp'])
    assert.equal(error, undefined)
  })

  it('exits 6 when no resource location has that name', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    mockToken().get('/resourcelocations').reply(200, {items: []})
    const {error, stderr} = await runCommand([...args, '--resource-location', 'Atlantis'])
    assert.equal(error?.oclif?.exit, 6)
    assert.match(stderr, /No resource location is named "Atlantis"/)
  })

  it('asks for nothing without a terminal and names --resource-location (exit 2)', async () => {
    const {error, stderr} = await withoutTerminal(() => runCommand(args))
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--resource-location/)
  })

  it('exits 2 naming the field when the appliance answers the 404 validation error', async () => {
    appliance().post('/registration').reply(404, missingFieldBody('name'))
    const {error, stderr} = await runCommand([...args, '--resource-location', location])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /rejected the field "name": Field "name" is missing\./)
    assert.match(stderr, /--name/)
  })

  it('says plainly that the appliance is already registered (exit 7)', async () => {
    appliance()
      .post('/registration')
      .reply(500, alreadyRegisteredBody)
      .get('/registration')
      .reply(200, {status: 'Registered'})
    const {error, stderr} = await runCommand([...args, '--resource-location', location])
    assert.equal(error?.oclif?.exit, 7)
    assert.match(stderr, /already registered with Citrix Cloud/)
  })

  it('with --accept registers the code in Citrix Cloud with the API client, then waits until Registered', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    appliance().post('/registration').reply(201, codeReply).get('/registration').reply(200, {status: 'Registered'})
    mockToken()
      .post('/root/trust/v1/registrations/acme', {code: 'AB12CD34'})
      .reply(201, {instanceID: 'inst-1', service: 'ConnectorAppliance'})
    const {stdout, error} = await runCommand([...args, '--resource-location', location, '--accept', '--json'])
    assert.equal(error, undefined)
    const result = JSON.parse(stdout) as {status: string; accepted: boolean}
    assert.deepEqual([result.status, result.accepted], ['Registered', true])
  })

  it("with --unattended registers with the profile's API client by default", async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    appliance()
      .post('/unattendedRegistration', {
        applianceName: 'ca-01',
        clientId: 'client-1',
        clientSecret: 'top-secret-value',
        deployment: 'production',
      })
      .reply(200, {status: 'Registered'})
    const {stdout, error} = await runCommand([...args, '--unattended'])
    assert.equal(error, undefined)
    assert.match(stdout, /The appliance .* is registered with Citrix Cloud as ca-01/)
    assert.doesNotMatch(stdout, /top-secret-value/)
  })

  it('takes a resource location id as given, so the manual flow needs no API client', async () => {
    // No CTX_CLIENT_* here: any Citrix Cloud call would exit 3.
    appliance().post('/registration').reply(201, codeReply)
    const {error} = await runCommand([...args, '--resource-location', location])
    assert.equal(error, undefined)
  })

  it('with --accept and no API client exits 3 before asking the appliance for a code', async () => {
    const {error, stderr} = await runCommand([...args, '--resource-location', location, '--accept'])
    assert.equal(error?.oclif?.exit, 3)
    assert.match(stderr, /No Citrix Cloud credentials/)
  })
})
