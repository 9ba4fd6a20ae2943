import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {ConfigStore} from '../../../src/config/store.js'
import {logIn} from '../../../src/services/auth/login.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

const login = () =>
  logIn({
    store: ConfigStore.open(),
    profile: 'default',
    credentials: {customerId: 'acme', clientId: 'client-1', clientSecret: 'top-secret-value'},
    apiUrl: testApi,
  })

describe('ctx auth status and logout', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('status exits 3 when the profile has no credentials', async () => {
    const {error, stderr} = await runCommand(['auth', 'status'])
    assert.equal(error?.oclif?.exit, 3)
    assert.match(stderr, /ctx auth login/)
  })

  it('status shows the profile, customer, where the secret is kept and the token expiry', async () => {
    await login()
    mockToken().get('/resourcelocations').reply(200, {items: []})
    const {stdout} = await runCommand(['auth', 'status'])
    assert.match(stdout, /API\s+https:\/\/api\.test\.example: token accepted by Citrix Cloud/)
    assert.match(stdout, /Profile\s+default/)
    assert.match(stdout, /Customer\s+acme/)
    assert.match(stdout, /Secret kept in\s+file/)
    assert.match(stdout, /Token valid until\s+\d{4}-\d\d-\d\dT/)
  })

  it('status says the secret comes from the environment when it does', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    mockToken().get('/resourcelocations').reply(200, {items: []})
    const {stdout} = await runCommand(['auth', 'status', '--json'])
    const status = JSON.parse(stdout) as {secretSource: string; customerId: string}
    assert.deepEqual([status.secretSource, status.customerId], ['env', 'acme'])
    assert.doesNotMatch(stdout, /top-secret-value|token-abc/)
  })

  it('hints name the --profile in use', async () => {
    const {error, stderr} = await runCommand(['auth', 'status', '--profile', 'prod'])
    assert.equal(error?.oclif?.exit, 3)
    assert.match(stderr, /`ctx auth login --profile prod`/)
    const json = await runCommand(['auth', 'status', '--profile', 'prod', '--json'])
    assert.match((JSON.parse(json.stdout) as {error: {hint: string}}).error.hint, /`ctx auth login --profile prod`/)
  })

  it('status --offline sends no request: the cached token, or none', async () => {
    await login()
    const none = await runCommand(['auth', 'status', '--offline', '--json'])
    assert.equal(none.error, undefined)
    assert.deepEqual(JSON.parse(none.stdout), {
      ...JSON.parse(none.stdout),
      service: 'not-checked',
      tokenFromCache: false,
    })
    assert.equal((JSON.parse(none.stdout) as {tokenValidUntil?: string}).tokenValidUntil, undefined)
    mockToken().get('/resourcelocations').reply(200, {items: []})
    await runCommand(['auth', 'status'])
    const {stdout} = await runCommand(['auth', 'status', '--offline'])
    assert.match(stdout, /not checked \(--offline\)/)
    assert.match(stdout, /Token valid until\s+\d{4}-\d\d-\d\dT.* \(cached\)/)
  })

  it('status says when the API cannot be reached, shows the rest, and exits 8', async () => {
    await login()
    mockToken()
      .get('/resourcelocations')
      .times(2)
      .replyWithError(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}))
    const {error, stdout, stderr} = await runCommand(['auth', 'status', '--max-retries', '1'])
    assert.equal(error?.oclif?.exit ?? process.exitCode, 8)
    process.exitCode = undefined
    assert.match(stdout, /Customer\s+acme/)
    assert.match(stdout, /cannot be reached/)
    assert.match(stderr, /Warning: Citrix Cloud cannot be reached: .*ctx doctor/)
  })

  it('status exits 4 when Citrix Cloud no longer takes the token, even a fresh one', async () => {
    await login()
    mockToken().get('/resourcelocations').reply(401, {detail: 'revoked'})
    mockToken().get('/resourcelocations').reply(401, {detail: 'revoked'})
    const {error} = await runCommand(['auth', 'status'])
    assert.equal(error?.oclif?.exit, 4)
  })

  it('logout forgets the secret, so that status then exits 3', async () => {
    await login()
    const {stderr} = await runCommand(['auth', 'logout'])
    assert.match(stderr, /Logged out of profile "default"/)
    const {error} = await runCommand(['auth', 'status'])
    assert.equal(error?.oclif?.exit, 3)
  })

  it('logout of a profile without a secret says there was nothing to forget', async () => {
    const {error, stderr} = await runCommand(['auth', 'logout', '--profile', 'nobody'])
    assert.equal(error, undefined)
    assert.match(stderr, /had no saved secret/)
  })
})
