import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {ConfigStore} from '../../../src/config/store.js'
import {useTempConfig} from '../../helpers/env.js'
import {mockToken, testApi, useNock} from '../../helpers/nock.js'

const ids = ['--customer-id', 'acme', '--client-id', 'client-1', '--api-url', testApi]

describe('ctx auth login', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('verifies the client, saves it and says the secret went to the config file', async () => {
    process.env.CTX_CLIENT_SECRET = 'top-secret-value'
    mockToken()
    const {error, stderr} = await runCommand(['auth', 'login', ...ids])
    assert.equal(error, undefined)
    assert.match(stderr, /Verified and saved the API client client-1 of customer acme in profile "default"/)
    assert.match(stderr, /kept in the config file .*config\.json \(mode 0600\)/)
    assert.equal(ConfigStore.open().profile('default')?.['customer-id'], 'acme')
  })

  it('returns the result under --json without the secret', async () => {
    process.env.CTX_CLIENT_SECRET = 'top-secret-value'
    mockToken()
    const {stdout} = await runCommand(['auth', 'login', ...ids, '--json'])
    const result = JSON.parse(stdout) as {secretLocation: string; verified: boolean}
    assert.deepEqual([result.secretLocation, result.verified], ['file', true])
    assert.doesNotMatch(stdout, /top-secret-value/)
  })

  it('exits 4 with a wrong secret and saves nothing', async () => {
    process.env.CTX_CLIENT_SECRET = 'wrong-secret-123'
    nock(testApi)
      .post('/cctrustoauth2/acme/tokens/clients')
      .reply(400, {error: 'invalid_client', error_description: 'Invalid client id or client secret.'})
    const {error, stderr} = await runCommand(['auth', 'login', ...ids])
    assert.equal(error?.oclif?.exit, 4)
    assert.doesNotMatch(stderr, /wrong-secret-123/)
    assert.equal(ConfigStore.open().profile('default'), undefined)
  })

  it('saves without a token call under --no-verify', async () => {
    process.env.CTX_CLIENT_SECRET = 'top-secret-value'
    const {error, stderr} = await runCommand(['auth', 'login', ...ids, '--no-verify'])
    assert.equal(error, undefined)
    assert.match(stderr, /Saved \(not verified\)/)
  })

  it('imports the client id and secret from the secure client file', async () => {
    const file = join(temp.dir, 'secureclient.csv')
    writeFileSync(file, 'ID,Secret\nclient-from-file,secret-from-file\n')
    nock(testApi)
      .post(
        '/cctrustoauth2/acme/tokens/clients',
        (body: Record<string, string>) =>
          body.client_id === 'client-from-file' && body.client_secret === 'secret-from-file',
      )
      .reply(200, {token_type: 'bearer', access_token: 't', expires_in: '3600'})
    const {error} = await runCommand([
      'auth',
      'login',
      '--customer-id',
      'acme',
      '--secure-client-file',
      file,
      '--api-url',
      testApi,
    ])
    assert.equal(error, undefined)
    assert.equal(ConfigStore.open().profile('default')?.['client-id'], 'client-from-file')
  })

  it('saves the region given with --region', async () => {
    process.env.CTX_CLIENT_SECRET = 'top-secret-value'
    await runCommand([
      'auth',
      'login',
      '--customer-id',
      'acme',
      '--client-id',
      'client-1',
      '--region',
      'eu',
      '--no-verify',
    ])
    assert.equal(ConfigStore.open().profile('default')?.region, 'eu')
  })

  it('exits 2 naming --customer-id when there is no terminal to ask on', async () => {
    const {error, stderr} = await runCommand(['auth', 'login'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --customer-id/)
  })

  it('exits 2 naming --client-secret-stdin when the secret is missing and there is no terminal', async () => {
    const {error, stderr} = await runCommand(['auth', 'login', ...ids])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --client-secret-stdin/)
  })

  it('has no flag that takes the secret as a plain value', async () => {
    const {error} = await runCommand(['auth', 'login', ...ids, '--client-secret', 'x'])
    assert.equal(error?.oclif?.exit, 2)
  })
})
