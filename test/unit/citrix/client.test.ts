import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import nock from 'nock'

import {CitrixClient} from '../../../src/citrix/client.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import {resolveSettings} from '../../../src/config/settings.js'
import {ConfigStore} from '../../../src/config/store.js'
import {TokenCache} from '../../../src/config/token-cache.js'
import {CitrixApiError, ExitCode, UnavailableError} from '../../../src/errors.js'
import {createHttpClient} from '../../../src/http/client.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

async function makeClient(maxRetries = 4, debugLog?: (line: string) => void): Promise<CitrixClient> {
  Object.assign(process.env, fakeCredentialsEnv())
  const settings = await resolveSettings({'max-retries': maxRetries}, ConfigStore.open())
  return new CitrixClient(createHttpClient({maxRetries, debugLog}), settings, new TokenCache())
}

const envelope = (type: string, detail: string, parameters?: unknown) => ({
  type: `https://errors-api.cloud.com/${type}`,
  detail,
  parameters,
})

describe('CitrixClient', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())
  useNock()

  it('gets a token with the exact form content type and calls with CwsAuth and the customer header', async () => {
    const scope = nock(testApi)
      .post(
        '/cctrustoauth2/acme/tokens/clients',
        'grant_type=client_credentials&client_id=client-1&client_secret=top-secret-value',
      )
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, {token_type: 'bearer', access_token: 'token-abc', expires_in: '3600'})
      .get('/resourcelocations')
      .matchHeader('authorization', 'CwsAuth Bearer=token-abc')
      .matchHeader('citrix-customerid', 'acme')
      .matchHeader('accept', 'application/json')
      .matchHeader('citrix-transactionid', /^[0-9a-f-]{36}$/)
      .reply(200, {items: []})
    const client = await makeClient()
    const {body} = await client.call<{items: unknown[]}>(endpoints.listResourceLocations)
    assert.deepEqual(body, {items: []})
    assert.ok(scope.isDone())
  })

  it('reuses the cached token in a later client instead of asking for a new one', async () => {
    nock(testApi)
      .get('/resourcelocations')
      .matchHeader('authorization', 'CwsAuth Bearer=token-abc')
      .reply(200, {items: []})
    const client = await makeClient()
    const token = await client.accessToken()
    assert.equal(token.cached, true)
    await client.call(endpoints.listResourceLocations)
  })

  it('gets a fresh token once when a call answers 401, and retries the call', async () => {
    const scope = nock(testApi)
      .get('/resourcelocations')
      .reply(
        401,
        envelope('common/authentication', 'Missing or invalid authentication details', [
          {name: 'reason', value: 'invalid'},
        ]),
      )
    mockToken(scope)
      .get('/resourcelocations')
      .reply(200, {items: [{id: 'x', name: 'X', internalOnly: false, timeZone: 'UTC', readOnly: false}]})
    const client = await makeClient()
    const {body} = await client.call<{items: unknown[]}>(endpoints.listResourceLocations)
    assert.equal(body?.items.length, 1)
  })

  it('retries a 429 honouring Retry-After and then succeeds', async () => {
    nock(testApi)
      .get('/resourcelocations')
      .reply(
        429,
        envelope('common/rateLimitExceeded', 'Rate limit exceeded; try again in 0 seconds', [
          {name: 'retryDelay', value: '0'},
        ]),
        {'retry-after': '0'},
      )
      .get('/resourcelocations')
      .reply(200, {items: []})
    const client = await makeClient()
    const {status} = await client.call(endpoints.listResourceLocations)
    assert.equal(status, 200)
  })

  it('gives up after --max-retries on 503 with exit 8, Citrix detail and the transaction id', async () => {
    nock(testApi)
      .get('/resourcelocations')
      .times(3)
      .reply(503, envelope('common/serviceUnavailable', 'Service unavailable', {retryDelay: '0'}), {
        'citrix-transactionid': 'txn-503',
      })
    const client = await makeClient(2)
    await assert.rejects(client.call(endpoints.listResourceLocations), (error: unknown) => {
      assert.ok(error instanceof CitrixApiError)
      assert.equal(error.exitCode, ExitCode.unavailable)
      assert.equal(error.status, 503)
      assert.equal(error.transactionId, 'txn-503')
      assert.match(error.message, /503: Service unavailable \(transaction id txn-503\)/)
      return true
    })
  })

  it('does not retry a POST that failed with 500', async () => {
    nock(testApi).post('/root/trust/v1/registrations/acme').once().reply(500, envelope('common/error', 'boom'))
    const client = await makeClient()
    await assert.rejects(client.call(endpoints.registerProduct, {json: {code: 'AB12CD34'}}), CitrixApiError)
  })

  it('maps 403 to exit 5 with a hint about permissions', async () => {
    nock(testApi).get('/resourcelocations').reply(403, envelope('common/authorization', 'Access denied'))
    const client = await makeClient()
    await assert.rejects(client.call(endpoints.listResourceLocations), (error: CitrixApiError) => {
      assert.equal(error.exitCode, ExitCode.permission)
      assert.match(error.hint ?? '', /permission/)
      return true
    })
  })

  it('turns a refused connection into exit 8 with a hint', async () => {
    process.env.CTX_API_URL = 'http://127.0.0.1:9'
    const settings = await resolveSettings({'max-retries': 0}, ConfigStore.open())
    const client = new CitrixClient(createHttpClient({maxRetries: 0}), settings, new TokenCache())
    await assert.rejects(client.accessToken(true), (error: unknown) => {
      assert.ok(error instanceof UnavailableError)
      assert.match(error.message, /Cannot reach 127\.0\.0\.1:9/)
      return true
    })
  })

  it('asks for the next page while the caller is still working on the current one', async () => {
    const scope = nock(testApi)
      .get('/root/trust/v1/registeredproducts/acme')
      .query({limit: '1'})
      .reply(200, {items: ['first'], continuationToken: 'page-2'})
      .get('/root/trust/v1/registeredproducts/acme')
      .query({limit: '1', continuationToken: 'page-2'})
      .reply(200, {items: ['second'], continuationToken: null})
    const client = await makeClient()
    await client.accessToken() // the token cached by the earlier tests: only the pages are declared
    const seen: string[] = []
    for await (const items of client.pages<string>(endpoints.listRegisteredProducts, {limit: 1})) {
      if (seen.length === 0) {
        for (let i = 0; i < 100 && !scope.isDone(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
        assert.ok(scope.isDone(), 'the second page should have been asked for already')
      }
      seen.push(...items)
    }
    assert.deepEqual(seen, ['first', 'second'])
  })

  it('never writes the secret or the token into the --debug log', async () => {
    const lines: string[] = []
    mockToken().get('/resourcelocations').reply(200, {items: []})
    const client = await makeClient(0, (line) => lines.push(line))
    await client.accessToken(true)
    await client.call(endpoints.listResourceLocations)
    const log = lines.join('\n')
    assert.match(log, /POST https:\/\/api\.test\.example\/cctrustoauth2\/acme\/tokens\/clients/)
    assert.doesNotMatch(log, /top-secret-value/)
    assert.doesNotMatch(log, /token-abc/)
    assert.match(log, /\[redacted\]/)
  })
})
