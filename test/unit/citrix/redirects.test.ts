import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {requestToken} from '../../../src/citrix/auth.js'
import {CitrixClient} from '../../../src/citrix/client.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import {resolveSettings} from '../../../src/config/settings.js'
import {ConfigStore} from '../../../src/config/store.js'
import {TokenCache} from '../../../src/config/token-cache.js'
import {ExitCode, UnavailableError} from '../../../src/errors.js'
import {createHttpClient} from '../../../src/http/client.js'
import {useTempConfig} from '../../helpers/env.js'
import {useNock} from '../../helpers/nock.js'

// Issue 15, items 1 and 2: credentials go only to the host that needs them, never through a redirect.

const globalApi = 'https://api.cloud.com'
const tokenPath = '/cctrustoauth2/acme/tokens/clients'
const credentials = {customerId: 'acme', clientId: 'client-1', clientSecret: 'top-secret-value'}
const tokenReply = {token_type: 'bearer', access_token: 'token-abc', expires_in: '3600'}

/** The redirect target's interceptors must all be waiting still (nothing was sent there); then they are dropped. */
function assertNeverCalled(target: nock.Scope): void {
  assert.equal(target.isDone(), false, 'a request reached the redirect target')
  assert.deepEqual(nock.pendingMocks(), target.pendingMocks(), 'every other declared call should have been made')
  nock.cleanAll()
}

function assertExit8Naming(...hosts: string[]): (error: unknown) => boolean {
  return (error: unknown) => {
    assert.ok(error instanceof UnavailableError, String(error))
    assert.equal(error.exitCode, ExitCode.unavailable)
    for (const host of hosts) assert.ok(error.message.includes(host), `"${error.message}" should name ${host}`)
    assert.doesNotMatch(error.message, /\n/)
    assert.doesNotMatch(error.message, /top-secret-value|token-abc/)
    return true
  }
}

describe('redirects: the token request', () => {
  useNock()

  for (const status of [302, 307]) {
    it(`refuses a ${status} from the token endpoint with exit 8 naming the host, posting the secret nowhere else`, async () => {
      nock(globalApi).post(tokenPath).reply(status, '', {location: 'https://attacker.example/steal'})
      const attacker = nock('https://attacker.example').post('/steal').reply(200, tokenReply)
      await assert.rejects(
        requestToken(createHttpClient({maxRetries: 0}), globalApi, credentials),
        assertExit8Naming('api.cloud.com'),
      )
      assertNeverCalled(attacker)
    })
  }

  it('refuses a redirect to another region host too: the token endpoint must answer itself', async () => {
    nock(globalApi)
      .post(tokenPath)
      .reply(307, '', {location: `https://api-eu.cloud.com${tokenPath}`})
    const region = nock('https://api-eu.cloud.com').post(tokenPath).reply(200, tokenReply)
    await assert.rejects(
      requestToken(createHttpClient({maxRetries: 0}), globalApi, credentials),
      assertExit8Naming('api.cloud.com'),
    )
    assertNeverCalled(region)
  })
})

describe('redirects: API calls', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  /** A client of the global host (no region, no --api-url) whose token call is declared. */
  async function globalClient(warnings: string[] = []): Promise<CitrixClient> {
    nock(globalApi).post(tokenPath).reply(200, tokenReply)
    Object.assign(process.env, {
      CTX_CUSTOMER_ID: 'acme',
      CTX_CLIENT_ID: 'client-1',
      CTX_CLIENT_SECRET: 'top-secret-value',
    })
    const settings = await resolveSettings({'max-retries': 0}, ConfigStore.open())
    return new CitrixClient(createHttpClient({maxRetries: 0}), settings, new TokenCache(), (message) =>
      warnings.push(message),
    )
  }

  it('follows a 307 from api.cloud.com to https://api-eu.cloud.com once, with the token, and suggests the region', async () => {
    const warnings: string[] = []
    const client = await globalClient(warnings)
    nock(globalApi).get('/resourcelocations').reply(307, '', {location: 'https://api-eu.cloud.com/resourcelocations'})
    nock('https://api-eu.cloud.com')
      .get('/resourcelocations')
      .matchHeader('authorization', 'CwsAuth Bearer=token-abc')
      .reply(200, {items: []})
    const {status, body} = await client.call(endpoints.listResourceLocations)
    assert.equal(status, 200)
    assert.deepEqual(body, {items: []})
    assert.equal(warnings.length, 1)
    assert.match(warnings[0]!, /api-eu\.cloud\.com.*region/)
  })

  it('refuses a 307 to http://api-eu.cloud.com: a region host, but not over https', async () => {
    const client = await globalClient()
    nock(globalApi).get('/resourcelocations').reply(307, '', {location: 'http://api-eu.cloud.com/resourcelocations'})
    const target = nock('http://api-eu.cloud.com').get('/resourcelocations').reply(200, {items: []})
    await assert.rejects(
      client.call(endpoints.listResourceLocations),
      assertExit8Naming('api.cloud.com', 'api-eu.cloud.com'),
    )
    assertNeverCalled(target)
  })

  it('refuses a 307 to https://evil.example, which gets no request at all', async () => {
    const client = await globalClient()
    nock(globalApi).get('/resourcelocations').reply(307, '', {location: 'https://evil.example/resourcelocations'})
    const target = nock('https://evil.example').get('/resourcelocations').reply(200, {items: []})
    await assert.rejects(
      client.call(endpoints.listResourceLocations),
      assertExit8Naming('api.cloud.com', 'evil.example'),
    )
    assertNeverCalled(target)
  })

  for (const status of [301, 302, 303, 308]) {
    it(`refuses a ${status} even to a region host: only the 307 of the contract is followed`, async () => {
      const client = await globalClient()
      nock(globalApi)
        .get('/resourcelocations')
        .reply(status, '', {location: 'https://api-eu.cloud.com/resourcelocations'})
      const target = nock('https://api-eu.cloud.com').get('/resourcelocations').reply(200, {items: []})
      await assert.rejects(
        client.call(endpoints.listResourceLocations),
        assertExit8Naming('api.cloud.com', String(status)),
      )
      assertNeverCalled(target)
    })
  }

  it('refuses a second 307, even to another region host', async () => {
    const client = await globalClient()
    nock(globalApi).get('/resourcelocations').reply(307, '', {location: 'https://api-eu.cloud.com/resourcelocations'})
    nock('https://api-eu.cloud.com')
      .get('/resourcelocations')
      .reply(307, '', {location: 'https://api-us.cloud.com/resourcelocations'})
    const target = nock('https://api-us.cloud.com').get('/resourcelocations').reply(200, {items: []})
    await assert.rejects(
      client.call(endpoints.listResourceLocations),
      assertExit8Naming('api-eu.cloud.com', 'api-us.cloud.com'),
    )
    assertNeverCalled(target)
  })

  it('refuses a loop: a region host that redirects to the same URL again', async () => {
    const client = await globalClient()
    nock(globalApi).get('/resourcelocations').reply(307, '', {location: 'https://api-eu.cloud.com/resourcelocations'})
    nock('https://api-eu.cloud.com')
      .get('/resourcelocations')
      .reply(307, '', {location: 'https://api-eu.cloud.com/resourcelocations'})
    await assert.rejects(client.call(endpoints.listResourceLocations), (error: unknown) => {
      assertExit8Naming('api-eu.cloud.com')(error)
      assert.match((error as Error).message, /loop/)
      return true
    })
  })

  it('refuses a loop back to the host that redirected first', async () => {
    const client = await globalClient()
    nock(globalApi).get('/resourcelocations').reply(307, '', {location: 'https://api-eu.cloud.com/resourcelocations'})
    nock('https://api-eu.cloud.com')
      .get('/resourcelocations')
      .reply(307, '', {location: 'https://api.cloud.com/resourcelocations'})
    await assert.rejects(
      client.call(endpoints.listResourceLocations),
      assertExit8Naming('api.cloud.com', 'api-eu.cloud.com'),
    )
  })

  it('does not take a 3xx with no Location for success', async () => {
    const client = await globalClient()
    nock(globalApi).get('/resourcelocations').reply(307, '')
    await assert.rejects(client.call(endpoints.listResourceLocations), assertExit8Naming('api.cloud.com', '307'))
  })
})
