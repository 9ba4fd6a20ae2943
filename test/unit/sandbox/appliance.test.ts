import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {createHttpClient} from '../../../src/http/client.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

// The simulated appliance on the wire: real HTTPS, its own certificate, the shapes of section 2.
const http = createHttpClient({maxRetries: 0}).extend({
  https: {rejectUnauthorized: false},
  throwHttpErrors: false,
  responseType: 'json',
})

describe('sandbox: simulated Connector Appliance', () => {
  let sandbox: TestSandbox
  let appliance: string
  let token: string
  let locationId: string
  const call = async (
    method: 'GET' | 'POST',
    path: string,
    json?: unknown,
    bearer = token,
  ): Promise<{statusCode: number; body: unknown}> => {
    const {statusCode, body} = await http(appliance + path, {
      method,
      json,
      headers: bearer ? {authorization: `Bearer ${bearer}`} : {},
    })
    return {statusCode, body}
  }

  before(async () => {
    sandbox = await startTestSandbox({settings: {pollingIntervalSeconds: 1}})
    appliance = sandbox.appliances[0]!.url
    locationId = (await sandbox.store.read()).resourceLocations[0]!.id
  })
  after(() => sandbox.stop())

  it('starts one appliance by default on its own HTTPS port, with a SHA-256 fingerprint', () => {
    assert.equal(sandbox.appliances.length, 1)
    assert.match(appliance, /^https:\/\/127\.0\.0\.1:\d+$/)
    assert.match(sandbox.appliances[0]!.fingerprint, /^sha256:([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })

  it('says no credentials are set up, then takes the first password once (409 after)', async () => {
    assert.deepEqual((await call('GET', '/credentials', undefined, '')).body, {credentialsAreSetup: false})
    assert.equal((await call('POST', '/credentials', {username: 'admin', password: 'pw-1'}, '')).statusCode, 204)
    assert.equal((await call('POST', '/credentials', {username: 'admin', password: 'pw-2'}, '')).statusCode, 409)
    assert.deepEqual((await call('GET', '/credentials', undefined, '')).body, {credentialsAreSetup: true})
  })

  it('answers a bad password with 401 common/authentication', async () => {
    const reply = await call('POST', '/$login', {username: 'admin', password: 'wrong'}, '')
    assert.equal(reply.statusCode, 401)
    assert.equal((reply.body as {type: string}).type, 'https://errors-api.cloud.com/common/authentication')
  })

  it('logs in with a token valid 15 minutes', async () => {
    const reply = await call('POST', '/$login', {username: 'admin', password: 'pw-1'}, '')
    assert.equal(reply.statusCode, 200)
    const body = reply.body as {token: string; expiresIn: number}
    assert.equal(body.expiresIn, 900)
    token = body.token
  })

  it('answers 401 "Missing authentication details" without a token and "Invalid" with a bad one', async () => {
    assert.equal(
      ((await call('GET', '/registration', undefined, '')).body as {detail: string}).detail,
      'Missing authentication details',
    )
    assert.equal(
      ((await call('GET', '/registration', undefined, 'nope')).body as {detail: string}).detail,
      'Invalid authentication details',
    )
  })

  it('answers a missing field with the documented 404 shape', async () => {
    const reply = await call('POST', '/registration', {deployment: 'production', resource_location_id: locationId})
    assert.equal(reply.statusCode, 404)
    assert.deepEqual(reply.body, {
      type: 'https://errors-api.cloud.com/common/missing',
      detail: 'Field "name" is missing.',
      parameters: [{name: 'property', value: 'name'}],
    })
  })

  it('hands out an 8-character code that is a pending registration in the cloud', async () => {
    const reply = await call('POST', '/registration', {
      name: 'ca-01.corp.example',
      deployment: 'production',
      resource_location_id: locationId,
    })
    assert.equal(reply.statusCode, 201)
    const body = reply.body as {code: string; pollingInterval: number; status: string; verificationUrl: string}
    assert.match(body.code, /^[A-Z0-9]{8}$/)
    assert.equal(body.pollingInterval, 1)
    assert.equal(body.status, 'Unregistered')
    assert.equal(body.verificationUrl, 'https://citrix.cloud.com/identity/api-access/product-registrations')
    const pending = (await sandbox.store.read()).pendingCodes.find((c) => c.code === body.code)
    assert.equal(pending?.service, 'ConnectorAppliance')
    assert.deepEqual(pending?.deviceInfo.properties.map((p) => p.value).slice(0, 2), [
      'ca-01.corp.example',
      'Citrix Connector Appliance for Cloud Services',
    ])
    assert.deepEqual((await call('GET', '/registration')).body, {
      status: 'Unregistered',
      code: body.code,
      expiryTimestamp: pending?.expiryTimestamp,
    })
  })

  it('turns Registered once the code is accepted in the cloud, with the product and a Unified connector', async () => {
    const {code} = (await call('GET', '/registration')).body as {code: string}
    const before = await sandbox.store.read()
    const accepted = await fetch(`${sandbox.url}/_sandbox/codes/${code}/accept`, {method: 'POST'})
    assert.equal(accepted.status, 201)
    assert.deepEqual((await call('GET', '/registration')).body, {status: 'Registered'})
    const state = await sandbox.store.read()
    const instanceID = state.pendingCodes.find((c) => c.code === code)?.instanceID
    assert.ok(instanceID)
    assert.equal(state.registeredProducts.length, before.registeredProducts.length + 1)
    assert.equal(state.registeredProducts.find((p) => p.instanceID === instanceID)?.service, 'ConnectorAppliance')
    const added = state.connectors.filter((c) => !before.connectors.some((b) => b.id === c.id))
    assert.deepEqual(
      added.map((c) => [c.fqdn, c.connectorType, c.status, c.location]),
      [['ca-01.corp.example', 'Unified', 'Connected', locationId]],
    )
  })

  it('answers 500 connapp/error when asked to register again', async () => {
    const reply = await call('POST', '/registration', {
      name: 'ca-01.corp.example',
      deployment: 'production',
      resource_location_id: locationId,
    })
    assert.equal(reply.statusCode, 500)
    assert.deepEqual(reply.body, {type: 'https://errors-api.cloud.com/connapp/error', detail: 'An error has occurred.'})
  })

  it('keeps the certificate across a restart of the same data folder', async () => {
    const again = await startTestSandbox({dataDir: sandbox.store.dir})
    // The first sandbox still holds the port, so the second gets another; the certificate is the same.
    assert.equal(again.appliances[0]?.fingerprint, sandbox.appliances[0]!.fingerprint)
    await again.close()
  })
})

describe('sandbox: the verification URL follows --deployment', () => {
  let sandbox: TestSandbox
  before(async () => (sandbox = await startTestSandbox()))
  after(() => sandbox.stop())

  it('answers productionjp with the Citrix Cloud Japan console (citrixcloud.jp)', async () => {
    const appliance = sandbox.appliances[0]!.url
    await http(`${appliance}/credentials`, {method: 'POST', json: {username: 'admin', password: 'pw'}})
    const {token} = (await http(`${appliance}/$login`, {method: 'POST', json: {username: 'admin', password: 'pw'}}))
      .body as unknown as {token: string}
    const locationId = (await sandbox.store.read()).resourceLocations[0]!.id
    const reply = await http(`${appliance}/registration`, {
      method: 'POST',
      headers: {authorization: `Bearer ${token}`},
      json: {name: 'ca-jp', deployment: 'productionjp', resource_location_id: locationId},
    })
    assert.equal(reply.statusCode, 201)
    assert.equal(
      (reply.body as unknown as {verificationUrl: string}).verificationUrl,
      'https://citrix.citrixcloud.jp/identity/api-access/product-registrations',
    )
  })
})
