import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {createHttpClient} from '../../../src/http/client.js'
import {sandboxCredentials} from '../../../src/sandbox/constants.js'
import {defaultSizes} from '../../../src/sandbox/state/settings.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

const http = createHttpClient({maxRetries: 0}).extend({
  https: {rejectUnauthorized: false},
  throwHttpErrors: false,
  responseType: 'json',
})

describe('sandbox: unattended registration and expiring codes', () => {
  let sandbox: TestSandbox
  let token: string
  const call = async (
    appliance: number,
    method: 'GET' | 'POST',
    path: string,
    json?: unknown,
  ): Promise<{statusCode: number; body: unknown}> => {
    const {statusCode, body} = await http(sandbox.appliances[appliance]!.url + path, {
      method,
      json,
      headers: {authorization: `Bearer ${token}`},
    })
    return {statusCode, body}
  }

  before(async () => {
    sandbox = await startTestSandbox({settings: {codeTtlSeconds: 1, sizes: {...defaultSizes, appliances: 2}}})
  })
  after(() => sandbox.stop())

  const login = async (appliance: number) => {
    await http(sandbox.appliances[appliance]!.url + '/credentials', {
      method: 'POST',
      json: {username: 'admin', password: 'pw'},
    })
    token = (
      (
        await http(sandbox.appliances[appliance]!.url + '/$login', {
          method: 'POST',
          json: {username: 'admin', password: 'pw'},
        })
      ).body as unknown as {token: string}
    ).token
  }

  it('starts as many appliances as the sandbox setting asks, each with its own certificate', () => {
    assert.equal(sandbox.appliances.length, 2)
    assert.notEqual(sandbox.appliances[0]!.fingerprint, sandbox.appliances[1]!.fingerprint)
  })

  it('refuses unattended registration with a wrong client secret (401)', async () => {
    await login(0)
    const reply = await call(0, 'POST', '/unattendedRegistration', {
      applianceName: 'ca-01',
      clientId: sandboxCredentials.clientId,
      clientSecret: 'wrong',
      deployment: 'production',
    })
    assert.equal(reply.statusCode, 401)
  })

  it('registers unattended with the sandbox API client', async () => {
    const reply = await call(0, 'POST', '/unattendedRegistration', {
      applianceName: 'ca-01',
      clientId: sandboxCredentials.clientId,
      clientSecret: sandboxCredentials.clientSecret,
      deployment: 'production',
    })
    assert.deepEqual(reply.body, {status: 'Registered'})
    assert.deepEqual((await call(0, 'GET', '/registration')).body, {status: 'Registered'})
  })

  it('forgets a code once it has expired', async () => {
    await login(1)
    const locationId = (await sandbox.store.read()).resourceLocations[0]!.id
    const {code} = (
      await call(1, 'POST', '/registration', {
        name: 'ca-02',
        deployment: 'production',
        resource_location_id: locationId,
      })
    ).body as {code: string}
    await new Promise((resolve) => setTimeout(resolve, 1100))
    assert.deepEqual((await call(1, 'GET', '/registration')).body, {status: 'Unregistered'})
    assert.equal((await fetch(`${sandbox.url}/_sandbox/codes/${code}/accept`, {method: 'POST'})).status, 404)
  })
})
