import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {CitrixClient} from '../../../../src/citrix/client.js'
import {resolveSettings} from '../../../../src/config/settings.js'
import {ConfigStore} from '../../../../src/config/store.js'
import {TokenCache} from '../../../../src/config/token-cache.js'
import {ConfigError, ExitCode} from '../../../../src/errors.js'
import {createHttpClient} from '../../../../src/http/client.js'
import {logIn} from '../../../../src/services/auth/login.js'
import {logOut} from '../../../../src/services/auth/logout.js'
import {checkAuthStatus} from '../../../../src/services/auth/status.js'
import {useTempConfig} from '../../../helpers/env.js'
import {mockToken, testApi, useNock} from '../../../helpers/nock.js'

async function client(): Promise<CitrixClient> {
  return new CitrixClient(createHttpClient({maxRetries: 0}), await resolveSettings({}, ConfigStore.open()))
}

describe('checkAuthStatus and logOut', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(async () => {
    temp = useTempConfig()
    await logIn({
      store: ConfigStore.open(),
      profile: 'default',
      credentials: {customerId: 'acme', clientId: 'client-1', clientSecret: 'top-secret-value'},
      apiUrl: testApi,
    })
  })
  afterEach(() => temp.restore())
  useNock()

  it('reports the profile, customer, where the secret is kept and the token expiry', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: []})
    const status = await checkAuthStatus(await client())
    assert.equal(status.customerId, 'acme')
    assert.equal(status.secretSource, 'file')
    assert.equal(status.apiUrl, testApi)
    assert.equal(status.tokenFromCache, false)
    assert.ok(Date.parse(status.tokenValidUntil ?? '') > Date.now())
    assert.equal(status.service, 'accepted')
  })

  it('counts a 403 on the check as the token accepted: it is a permission of that call only', async () => {
    mockToken().get('/resourcelocations').reply(403, {detail: 'Forbidden'})
    assert.equal((await checkAuthStatus(await client())).service, 'accepted')
  })

  it('offline, reads the cached token and sends nothing', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: []})
    await checkAuthStatus(await client())
    const status = await checkAuthStatus(await client(), {offline: true})
    assert.deepEqual([status.service, status.tokenFromCache], ['not-checked', true])
  })

  it('reuses the cached token on the next status', async () => {
    mockToken().get('/resourcelocations').times(2).reply(200, {items: []})
    await checkAuthStatus(await client())
    assert.equal((await checkAuthStatus(await client())).tokenFromCache, true)
  })

  it('logout removes the secret and the cached tokens, keeping the ids', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: []})
    await checkAuthStatus(await client())
    const result = await logOut(ConfigStore.open(), 'default')
    assert.deepEqual(result, {profile: 'default', secretRemoved: true, tokensRemoved: 1})
    assert.deepEqual(ConfigStore.open().profile('default'), {
      'customer-id': 'acme',
      'client-id': 'client-1',
      'api-url': testApi,
    })
  })

  it('status after logout fails with exit 3', async () => {
    await logOut(ConfigStore.open(), 'default')
    await assert.rejects(
      async () => checkAuthStatus(await client()),
      (error: ConfigError) => error.exitCode === ExitCode.config,
    )
  })

  it('logout of a profile with no secret removes nothing', async () => {
    assert.deepEqual(await logOut(ConfigStore.open(), 'other', new TokenCache()), {
      profile: 'other',
      secretRemoved: false,
      tokensRemoved: 0,
    })
    assert.equal(ConfigStore.open().profile('other'), undefined)
  })
})
