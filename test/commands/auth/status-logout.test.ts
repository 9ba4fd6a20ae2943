import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {ConfigStore} from '../../../src/config/store.js'
import {logIn} from '../../../src/services/auth/login.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

const login = () => logIn({store: ConfigStore.open(), profile: 'default', credentials: {customerId: 'acme', clientId: 'client-1', clientSecret: 'top-secret-value'}, apiUrl: testApi})

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
    mockToken()
    const {stdout} = await runCommand(['auth', 'status'])
    assert.match(stdout, /Profile\s+default/)
    assert.match(stdout, /Customer\s+acme/)
    assert.match(stdout, /Secret kept in\s+file/)
    assert.match(stdout, /Token valid until\s+\d{4}-\d\d-\d\dT/)
  })

  it('status says the secret comes from the environment when it does', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    mockToken()
    const {stdout} = await runCommand(['auth', 'status', '--json'])
    const status = JSON.parse(stdout) as {secretSource: string; customerId: string}
    assert.deepEqual([status.secretSource, status.customerId], ['env', 'acme'])
    assert.doesNotMatch(stdout, /top-secret-value|token-abc/)
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
