import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import nock from 'nock'

import {CtxError} from '../../../../src/errors.js'
import {
  registerAppliance,
  registerApplianceUnattended,
  waitForRegistration,
} from '../../../../src/services/appliance/register.js'
import {
  alreadyRegisteredBody,
  expiredTokenBody,
  fakeApplianceClient,
  missingFieldBody,
  testAppliance,
} from '../../../helpers/appliance.js'
import {useNock} from '../../../helpers/nock.js'

const location = '0f9c2a51-6e0b-4b7e-9d3f-1a2b3c4d5e6f'
const codeReply = (expiry = new Date(Date.now() + 900_000).toISOString()) => ({
  code: 'AB12CD34',
  pollingInterval: 1,
  status: 'Unregistered',
  verificationUrl: 'https://citrix.cloud.com/identity/api-access/product-registrations',
  expiryTimestamp: expiry,
})
const exitOf = (code: number) => (error: CtxError) => error.exitCode === code

describe('registering an appliance', () => {
  useNock()

  it('sends the snake_case body and returns the code, where to enter it and its expiry', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance)
      .post('/registration', {name: 'ca-01', deployment: 'production', resource_location_id: location})
      .reply(201, codeReply('2026-11-24T10:15:00Z'))
    const result = await registerAppliance({
      client,
      name: 'ca-01',
      resourceLocationId: location,
      deployment: 'production',
    })
    assert.equal(result.code, 'AB12CD34')
    assert.equal(result.expiryTimestamp, '2026-11-24T10:15:00Z')
    assert.equal(result.status, 'Unregistered')
  })

  it('says plainly that the appliance is already registered (exit 7) after the 500 and a status check', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance)
      .post('/registration')
      .reply(500, alreadyRegisteredBody)
      .get('/registration')
      .reply(200, {status: 'Registered'})
    await assert.rejects(
      registerAppliance({client, name: 'ca-01', resourceLocationId: location, deployment: 'production'}),
      (error: CtxError) => {
        assert.equal(error.exitCode, 7)
        assert.match(error.message, /already registered/)
        return true
      },
    )
  })

  it('leaves a 500 that is not "already registered" as a service error (exit 8)', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance)
      .post('/registration')
      .reply(500, alreadyRegisteredBody)
      .get('/registration')
      .reply(200, {status: 'Unregistered'})
    await assert.rejects(
      registerAppliance({client, name: 'ca-01', resourceLocationId: location, deployment: 'production'}),
      exitOf(8),
    )
  })

  it('turns the 404 validation answer into a usage error (exit 2) naming the field and its flag', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance).post('/registration').reply(404, missingFieldBody('resource_location_id'))
    await assert.rejects(
      registerAppliance({client, name: 'ca-01', resourceLocationId: '', deployment: 'production'}),
      (error: CtxError) => {
        assert.equal(error.exitCode, 2)
        assert.match(error.message, /"resource_location_id"/)
        assert.match(error.hint ?? '', /--resource-location/)
        return true
      },
    )
  })

  it('accepts the code in the cloud before waiting, then returns Registered', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    const accepted: string[] = []
    nock(testAppliance)
      .post('/registration')
      .reply(201, codeReply())
      .get('/registration')
      .reply(200, {status: 'Registered'})
    const result = await registerAppliance({
      client,
      name: 'ca-01',
      resourceLocationId: location,
      deployment: 'production',
      accept: async (code) => void accepted.push(code),
      wait: {timeoutMs: 60_000},
    })
    assert.deepEqual(accepted, ['AB12CD34'])
    assert.equal(result.status, 'Registered')
    assert.equal(result.accepted, true)
  })

  it('registers unattended with the camelCase body', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance)
      .post('/unattendedRegistration', {
        applianceName: 'ca-01',
        clientId: 'cid',
        clientSecret: 'c2VjcmV0',
        deployment: 'productionjp',
        resourceLocationId: location,
      })
      .reply(200, {status: 'Registered'})
    const result = await registerApplianceUnattended({
      client,
      name: 'ca-01',
      clientId: 'cid',
      clientSecret: 'c2VjcmV0',
      deployment: 'productionjp',
      resourceLocationId: location,
    })
    assert.equal(result.status, 'Registered')
  })
})

describe('waiting for the registration', () => {
  useNock()
  const pending = {
    code: 'AB12CD34',
    pollingIntervalSeconds: 1,
    expiryTimestamp: new Date(Date.now() + 900_000).toISOString(),
  }

  it('polls until the appliance says Registered, reporting progress', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    nock(testAppliance)
      .get('/registration')
      .reply(200, {status: 'Unregistered', code: 'AB12CD34'})
      .get('/registration')
      .reply(200, {status: 'Registered'})
    const checks: number[] = []
    assert.equal(
      await waitForRegistration(client, pending, {timeoutMs: 60_000, onProgress: (p) => checks.push(p.checks)}),
      'Registered',
    )
    assert.deepEqual(checks, [1])
  })

  it('renews a token that expires mid-wait and goes on without an error', async () => {
    const {client, passwordsAsked} = fakeApplianceClient({token: 'old'})
    nock(testAppliance)
      .get('/registration')
      .reply(200, {status: 'Unregistered', code: 'AB12CD34'})
      .get('/registration')
      .reply(401, expiredTokenBody)
      .post('/$login')
      .reply(200, {token: 'new', expiresIn: 900})
      .get('/registration')
      .reply(200, {status: 'Registered'})
    assert.equal(await waitForRegistration(client, pending, {timeoutMs: 60_000}), 'Registered')
    assert.equal(passwordsAsked(), 1)
  })

  it('ends with exit 9 when the code expires before it is registered', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    const expired = new Date(Date.now() - 1000).toISOString()
    nock(testAppliance)
      .get('/registration')
      .reply(200, {status: 'Unregistered', code: 'AB12CD34', expiryTimestamp: expired})
    await assert.rejects(
      waitForRegistration(client, {...pending, expiryTimestamp: expired}, {timeoutMs: 60_000}),
      (error: CtxError) => {
        assert.equal(error.exitCode, 9)
        assert.match(error.message, /code AB12CD34 expired/)
        return true
      },
    )
  })

  it('ends with exit 9 when the timeout passes first', async () => {
    const {client} = fakeApplianceClient({token: 'tok'})
    let clock = 0
    nock(testAppliance)
      .get('/registration')
      .reply(200, () => {
        clock += 5000
        return {status: 'Unregistered', code: 'AB12CD34'}
      })
    await assert.rejects(
      waitForRegistration(client, pending, {timeoutMs: 1000, now: () => clock}),
      (error: CtxError) => error.exitCode === 9 && /Stopped waiting/.test(error.message),
    )
  })
})
