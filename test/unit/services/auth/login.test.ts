import assert from 'node:assert/strict'
import {Readable} from 'node:stream'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {ConfigStore} from '../../../../src/config/store.js'
import {AuthError, ExitCode} from '../../../../src/errors.js'
import {createHttpClient} from '../../../../src/http/client.js'
import {logIn} from '../../../../src/services/auth/login.js'
import {readStdinSecret} from '../../../../src/util/stdin.js'
import {citrixClientsOn} from '../../../helpers/citrix.js'
import {useTempConfig} from '../../../helpers/env.js'
import {mockToken, testApi, useNock} from '../../../helpers/nock.js'

const credentials = {customerId: 'acme', clientId: 'client-1', clientSecret: 'top-secret-value'}

describe('logIn', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('fetches a token first, then saves the ids and the secret (to the file without a keychain)', async () => {
    mockToken()
    const store = ConfigStore.open()
    const result = await logIn({
      store,
      profile: 'default',
      credentials,
      apiUrl: testApi,
      verifyWith: citrixClientsOn(createHttpClient({maxRetries: 0})),
    })
    assert.equal(result.verified, true)
    assert.equal(result.secretLocation, 'file')
    assert.ok(result.tokenValidUntil)
    assert.deepEqual(ConfigStore.open().profile('default'), {
      'customer-id': 'acme',
      'client-id': 'client-1',
      'api-url': testApi,
      'client-secret': 'top-secret-value',
      'client-secret-location': 'file',
    })
  })

  it('saves nothing when Citrix refuses the client (exit 4)', async () => {
    nock(testApi)
      .post('/cctrustoauth2/acme/tokens/clients')
      .reply(400, {error: 'invalid_client', error_description: 'Invalid client id or client secret.'})
    const store = ConfigStore.open()
    await assert.rejects(
      logIn({
        store,
        profile: 'default',
        credentials,
        apiUrl: testApi,
        verifyWith: citrixClientsOn(createHttpClient({maxRetries: 0})),
      }),
      (error: AuthError) => error.exitCode === ExitCode.auth,
    )
    assert.equal(ConfigStore.open().profile('default'), undefined)
  })

  it('saves without any call when not asked to verify', async () => {
    const result = await logIn({store: ConfigStore.open(), profile: 'lab', credentials})
    assert.equal(result.verified, false)
    assert.equal(ConfigStore.open().profile('lab')?.['client-id'], 'client-1')
  })

  it('keeps the region of the profile when none is given', async () => {
    const store = ConfigStore.open()
    await store.updateProfile('default', {region: 'eu'})
    await logIn({store, profile: 'default', credentials})
    assert.equal(ConfigStore.open().profile('default')?.region, 'eu')
  })

  it('reads the secret from the first line of stdin', async () => {
    assert.equal(await readStdinSecret(Readable.from(['piped-secret\n'])), 'piped-secret')
  })

  it('refuses an empty stdin with exit 2', async () => {
    await assert.rejects(readStdinSecret(Readable.from([''])), (error: AuthError) => error.exitCode === ExitCode.usage)
  })
})
