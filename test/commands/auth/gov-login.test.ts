import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {ConfigStore} from '../../../src/config/store.js'
import {useTempConfig} from '../../helpers/env.js'
import {useNock} from '../../helpers/nock.js'

describe('ctx auth login in the Gov region', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('verifies the client through the cws protocol at trust.citrixworkspacesapi.us', async () => {
    process.env.CTX_CLIENT_SECRET = 'top-secret-value'
    nock('https://trust.citrixworkspacesapi.us')
      .post('/acme/tokens/clients', {ClientId: 'client-1', ClientSecret: 'top-secret-value'})
      .reply(200, {Token: 'gov-token', ExpiresAt: 3600})
    const {error, stderr, stdout} = await runCommand([
      'auth',
      'login',
      '--customer-id',
      'acme',
      '--client-id',
      'client-1',
      '--region',
      'gov',
    ])
    assert.equal(error, undefined, stderr)
    assert.match(stderr, /Verified and saved/)
    assert.doesNotMatch(stdout + stderr, /top-secret-value|gov-token/)
    assert.equal(ConfigStore.open().profile('default')?.region, 'gov')
  })

  it('exits 2 from license summary in Gov, saying its host is not known there', async () => {
    Object.assign(process.env, {
      CTX_REGION: 'gov',
      CTX_CUSTOMER_ID: 'acme',
      CTX_CLIENT_ID: 'client-1',
      CTX_CLIENT_SECRET: 'top-secret-value',
    })
    const {error, stderr} = await runCommand(['license', 'summary'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /not known in the Citrix Cloud Government region/)
  })
})
