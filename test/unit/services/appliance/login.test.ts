import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import nock from 'nock'

import type {CtxError} from '../../../../src/errors.js'
import {loginToAppliance} from '../../../../src/services/appliance/login.js'
import {fakeApplianceClient, testAppliance} from '../../../helpers/appliance.js'
import {useNock} from '../../../helpers/nock.js'

describe('logging in to an appliance', () => {
  useNock()

  it('tells the password source that it is the first password when none is set', async () => {
    const {client} = fakeApplianceClient()
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: false})
      .post('/credentials')
      .reply(204)
      .post('/$login')
      .reply(200, {token: 't', expiresIn: 900})
    const asked: boolean[] = []
    const result = await loginToAppliance({client, password: async (first) => (asked.push(first), 'pw')})
    assert.deepEqual(asked, [true])
    assert.equal(result.passwordSet, true)
  })

  it('sets nothing when the first password is typed differently the second time (exit 2)', async () => {
    const {client} = fakeApplianceClient()
    nock(testAppliance).get('/credentials').reply(200, {credentialsAreSetup: false})
    await assert.rejects(
      loginToAppliance({client, password: async () => 'pw-1', repeatFirstPassword: async () => 'pw-2'}),
      (error: CtxError) => error.exitCode === 2 && /differ/.test(error.message),
    )
  })

  it('only logs in when a password is set already', async () => {
    const {client} = fakeApplianceClient()
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: true})
      .post('/$login')
      .reply(200, {token: 't', expiresIn: 900})
    const result = await loginToAppliance({
      client,
      password: async () => 'pw',
      repeatFirstPassword: () => assert.fail('not asked twice'),
    })
    assert.equal(result.passwordSet, false)
  })
})
