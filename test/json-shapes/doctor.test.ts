import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../helpers/nock.js'

describe('locked --json shapes: ctx doctor', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => {
    process.exitCode = undefined // doctor sets it on a failure; mocha must not inherit it
    temp.restore()
  })
  useNock()

  it('doctor: every check passing, then checks that warn and fail (hint and exit code)', async () => {
    nock(testApi).get('/').times(6).reply(404, {}, {date: new Date().toUTCString()})
    mockToken()
    const passing = await runJson(['doctor'])
    delete process.env.CTX_CUSTOMER_ID
    nock(testApi)
      .get('/')
      .times(6)
      .reply(404, {}, {date: new Date(Date.now() + 5 * 60_000).toUTCString()})
    const failing = await runJson(['doctor'])
    expectJsonShape('doctor', passing, failing)
  })
})
