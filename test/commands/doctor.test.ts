import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {useTempConfig} from '../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../helpers/nock.js'

describe('ctx doctor', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => {
    process.exitCode = undefined // doctor sets it; mocha must not inherit it
    temp.restore()
  })
  useNock()

  it('prints a table of passed checks and leaves the exit code at 0', async () => {
    nock(testApi).get('/').times(6).reply(404, {}, {date: new Date().toUTCString()})
    mockToken()
    const {stdout, error} = await runCommand(['doctor'])
    assert.equal(error, undefined)
    assert.match(stdout, /Token\s+│\s+pass/)
    assert.equal(process.exitCode ?? 0, 0)
  })

  it('gives the checks as JSON and exits with the code of the first failure', async () => {
    delete process.env.CTX_CUSTOMER_ID
    nock(testApi).get('/').times(6).reply(404, {}, {date: new Date().toUTCString()})
    const {stdout} = await runCommand(['doctor', '--json'])
    const result = JSON.parse(stdout) as {ok: boolean; checks: Array<{name: string; status: string}>}
    assert.equal(result.ok, false)
    assert.equal(result.checks.find((c) => c.name === 'Credentials')?.status, 'fail')
    assert.equal(process.exitCode, 3)
  })

  it('prints the hint of a check that warns', async () => {
    nock(testApi)
      .get('/')
      .times(6)
      .reply(404, {}, {date: new Date(Date.now() + 5 * 60_000).toUTCString()})
    mockToken()
    const {stderr} = await runCommand(['doctor'])
    assert.match(stderr, /Clock: Sync the clock/)
  })
})
