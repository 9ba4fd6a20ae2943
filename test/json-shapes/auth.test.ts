import {afterEach, beforeEach, describe, it} from 'mocha'
import nock from 'nock'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../helpers/nock.js'

const ids = ['--customer-id', 'acme', '--client-id', 'client-1']

describe('locked --json shapes: ctx auth', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('auth login: verified with --api-url, and saved unverified with --region', async () => {
    process.env.CTX_CLIENT_SECRET = 'top-secret-value'
    mockToken()
    const verified = await runJson(['auth', 'login', ...ids, '--api-url', testApi])
    const unverified = await runJson(['auth', 'login', ...ids, '--region', 'eu', '--no-verify'])
    expectJsonShape('auth-login', verified, unverified)
  })

  it('auth logout: of a profile with a secret, and of one without', async () => {
    process.env.CTX_CLIENT_SECRET = 'top-secret-value'
    await runJson(['auth', 'login', ...ids, '--no-verify'])
    delete process.env.CTX_CLIENT_SECRET
    expectJsonShape(
      'auth-logout',
      await runJson(['auth', 'logout']),
      await runJson(['auth', 'logout', '--profile', 'nobody']),
    )
  })

  it('auth status: a fresh token without a region, then a cached one with CTX_REGION', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    mockToken().get('/resourcelocations').times(2).reply(200, {items: []})
    const fresh = await runJson(['auth', 'status'])
    process.env.CTX_REGION = 'eu'
    const cached = await runJson(['auth', 'status'])
    const offline = await runJson(['auth', 'status', '--offline', '--profile', 'other'])
    nock(testApi)
      .get('/resourcelocations')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}))
    const unreachable = await runJson(['auth', 'status', '--max-retries', '0'])
    process.exitCode = undefined
    expectJsonShape('auth-status', fresh, cached, offline, unreachable)
  })
})
