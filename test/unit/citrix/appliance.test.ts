import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import nock from 'nock'

import {parseApplianceAddress} from '../../../src/citrix/appliance.js'
import {AuthError, CitrixApiError, UnavailableError, UsageError} from '../../../src/errors.js'
import {expiredTokenBody, fakeApplianceClient, testAppliance} from '../../helpers/appliance.js'
import {useNock} from '../../helpers/nock.js'

describe('appliance address', () => {
  it('defaults to port 443', () => {
    assert.deepEqual(parseApplianceAddress('10.0.0.5'), {
      hostname: '10.0.0.5',
      port: 443,
      key: '10.0.0.5:443',
      origin: 'https://10.0.0.5:443',
    })
  })

  it('keeps a given port and accepts an https URL', () => {
    assert.equal(parseApplianceAddress('ca-01.corp.example:8443').key, 'ca-01.corp.example:8443')
    assert.equal(parseApplianceAddress('https://127.0.0.1:4100').origin, 'https://127.0.0.1:4100')
  })

  it('refuses a plain http URL or a path', () => {
    assert.throws(() => parseApplianceAddress('http://10.0.0.5'), UsageError)
    assert.throws(() => parseApplianceAddress('10.0.0.5/registration'), UsageError)
  })
})

describe('appliance client', () => {
  useNock()

  it('logs in with the admin user and caches the token with its expiry', async () => {
    const {client, saved} = fakeApplianceClient()
    nock(testAppliance)
      .post('/$login', {username: 'admin', password: 'pw'})
      .reply(200, {token: 'tok-1', expiresIn: 900})
    const token = await client.login('pw', 1_000)
    assert.deepEqual(token, {accessToken: 'tok-1', expiresAt: 901_000})
    assert.deepEqual(saved, [token])
  })

  it('turns a refused password into an authentication error (exit 4) without the password', async () => {
    const {client} = fakeApplianceClient()
    nock(testAppliance).post('/$login').reply(401, expiredTokenBody)
    await assert.rejects(client.login('very-secret-pw'), (error: AuthError) => {
      assert.equal(error.exitCode, 4)
      assert.doesNotMatch(error.message, /very-secret-pw/)
      return true
    })
  })

  for (const status of [404, 405]) {
    it(`turns ${status} from the modelled login call into exit 8 asking for the appliance version`, async () => {
      const {client} = fakeApplianceClient()
      nock(testAppliance)
        .post('/$login')
        .reply(status, status === 404 ? {type: '404', detail: null} : '')
      await assert.rejects(client.login('pw'), (error: UnavailableError) => {
        assert.equal(error.exitCode, 8)
        assert.match(
          error.message,
          /this appliance does not answer ctx's login call; please report the appliance version/,
        )
        return true
      })
    })
  }

  it('turns a login reply without a token into exit 8 naming the call and the field', async () => {
    const {client} = fakeApplianceClient()
    nock(testAppliance).post('/$login').reply(200, {expiresIn: 900, access: 'x'})
    await assert.rejects(client.login('pw'), {exitCode: 8, message: /POST \/\$login has no "token"/})
  })

  it('reads expiresIn sent as a string, and 15 minutes when it is missing', async () => {
    const {client} = fakeApplianceClient()
    nock(testAppliance)
      .post('/$login')
      .reply(200, {token: 't', expiresIn: '60'})
      .post('/$login')
      .reply(200, {token: 't', expiresIn: null})
    assert.equal((await client.login('pw', 0)).expiresAt, 60_000)
    assert.equal((await client.login('pw', 0)).expiresAt, 900_000)
  })

  it('sends the cached token as a Bearer token', async () => {
    const {client, passwordsAsked} = fakeApplianceClient({token: 'cached-tok'})
    nock(testAppliance, {reqheaders: {authorization: 'Bearer cached-tok'}})
      .get('/registration')
      .reply(200, {status: 'Unregistered'})
    assert.deepEqual(await client.registrationStatus(), {status: 'Unregistered'})
    assert.equal(passwordsAsked(), 0)
  })

  it('logs in first when no token is cached', async () => {
    const {client} = fakeApplianceClient()
    nock(testAppliance).post('/$login').reply(200, {token: 'fresh', expiresIn: 900})
    nock(testAppliance, {reqheaders: {authorization: 'Bearer fresh'}})
      .get('/registration')
      .reply(200, {status: 'Registered'})
    assert.equal((await client.registrationStatus()).status, 'Registered')
  })

  it('renews an expired token once and repeats the call', async () => {
    const {client, passwordsAsked} = fakeApplianceClient({token: 'old'})
    nock(testAppliance).get('/registration').reply(401, expiredTokenBody)
    nock(testAppliance).post('/$login').reply(200, {token: 'new', expiresIn: 900})
    nock(testAppliance, {reqheaders: {authorization: 'Bearer new'}})
      .get('/registration')
      .reply(200, {status: 'Registered'})
    assert.equal((await client.registrationStatus()).status, 'Registered')
    assert.equal(passwordsAsked(), 1)
  })

  it('does not log in again for a 401 about the API client of an unattended registration', async () => {
    const {client, passwordsAsked} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance).post('/unattendedRegistration').reply(401, {
      type: 'https://errors-api.cloud.com/common/authentication',
      detail: 'Invalid client id or client secret.',
    })
    const body = {applianceName: 'ca-01', clientId: 'id', clientSecret: 'sec', deployment: 'production' as const}
    await assert.rejects(
      client.unattendedRegistration(body),
      (error: CitrixApiError) => error.exitCode === 4 && /Invalid client id/.test(error.message),
    )
    assert.equal(passwordsAsked(), 0)
  })

  it('keeps the status, detail, parameters and transaction id of an appliance error', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance)
      .post('/registration')
      .reply(
        404,
        {
          type: 'https://errors-api.cloud.com/common/missing',
          detail: 'Field "name" is missing.',
          parameters: [{name: 'property', value: 'name'}],
        },
        {'citrix-transactionid': 'txn-9'},
      )
    await assert.rejects(
      client.startRegistration({name: '', deployment: 'production', resource_location_id: 'x'}),
      (error: CitrixApiError) => {
        assert.equal(error.status, 404)
        assert.equal(error.parameters.property, 'name')
        assert.match(error.message, /ca\.test:4443 answered 404: Field "name" is missing\. \(transaction id txn-9\)/)
        return true
      },
    )
  })
})
