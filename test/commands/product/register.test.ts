import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {readAudit} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {productWire} from '../../helpers/products.js'

const codePath = '/root/trust/v1/registrations/acme/codes/AB12CD34'
const registerPath = '/root/trust/v1/registrations/acme'
const pendingBody = {
  code: 'AB12CD34',
  status: 'Pending',
  service: 'LicenseServer',
  deviceInfo: productWire({}).deviceInfo,
  expiryTimestamp: '2026-11-24T10:15:00Z',
}
const envelope = (type: string, detail: string) => ({type: `https://errors-api.cloud.com/${type}`, detail})

describe('ctx product register', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('exits 2 on a malformed code, saying what a code looks like, before any HTTP call', async () => {
    mockToken()
    const {error, stderr} = await runCommand(['product', 'register', '--code', 'AB12-CD3', '--yes'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /"AB12-CD3" is not a registration code/)
    assert.match(stderr, /8 letters and digits/)
    assert.equal(nock.pendingMocks().length, 1, 'not even a token was asked for')
    nock.cleanAll()
  })

  it('exits 6 with what to do when the code is unknown or expired', async () => {
    mockToken().get(codePath).reply(404, envelope('common/notFound', 'Registration code not found or expired'))
    const {error, stderr} = await runCommand(['product', 'register', '--code', 'AB12CD34', '--yes'])
    assert.equal(error?.oclif?.exit, 6)
    assert.match(stderr, /not found or expired/)
    assert.match(stderr, /ask the product for a new code/)
  })

  it('exits 7 when the code was used already', async () => {
    mockToken().get(codePath).reply(409, envelope('common/conflict', 'Registration code already used'))
    const {error, stderr} = await runCommand(['product', 'register', '--code', 'AB12CD34', '--yes'])
    assert.equal(error?.oclif?.exit, 7)
    assert.match(stderr, /used already/)
  })

  it('shows the details, then exits 2 without a terminal and without --yes, registering nothing', async () => {
    mockToken().get(codePath).reply(200, pendingBody)
    const {error, stderr} = await runCommand(['product', 'register', '--code', 'ab12cd34'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Host name +ls-01\.corp\.example/)
    assert.match(stderr, /Code expires +2026-11-24T10:15:00Z/)
    assert.match(stderr, /Pass --yes/)
  })

  it('says the product is registered with Citrix Cloud, in the wording of appliance register', async () => {
    mockToken()
      .get(codePath)
      .reply(200, pendingBody)
      .post(registerPath, {code: 'AB12CD34'})
      .reply(201, productWire({instanceID: 'new-id'}))
    const {stdout} = await runCommand(['product', 'register', '--code', 'AB12CD34', '--yes'])
    assert.match(stdout, /^\S.* is registered with Citrix Cloud\.$/m)
  })

  it('registers with --yes, normalising the code, and prints the new registration on stdout', async () => {
    mockToken()
      .get(codePath)
      .reply(200, pendingBody)
      .post(registerPath, {code: 'AB12CD34'})
      .reply(201, productWire({instanceID: 'new-id'}))
    const {error, stdout} = await runCommand(['product', 'register', '--code', 'ab12-cd34', '--yes'])
    assert.equal(error, undefined)
    assert.match(stdout, /Id +new-id/)
    assert.deepEqual(
      (await readAudit()).map((e) => [e.action, e.id, e.result]),
      [['register', 'new-id', 'registered']],
    )
  })

  it('returns the registration under --json', async () => {
    mockToken()
      .get(codePath)
      .reply(200, pendingBody)
      .post(registerPath)
      .reply(201, productWire({instanceID: 'new-id'}))
    const {stdout} = await runCommand(['product', 'register', '--code', 'AB12CD34', '--yes', '--json'])
    const result = JSON.parse(stdout) as {registered: boolean; product: {id: string; service: string; hostname: string}}
    assert.deepEqual(
      [result.registered, result.product.id, result.product.service, result.product.hostname],
      [true, 'new-id', 'LicenseServer', 'ls-01.corp.example'],
    )
  })

  it('is also `ctx register`', async () => {
    mockToken()
      .get(codePath)
      .reply(200, pendingBody)
      .post(registerPath)
      .reply(201, productWire({instanceID: 'new-id'}))
    const {error, stdout} = await runCommand(['register', '--code', 'AB12CD34', '--yes'])
    assert.equal(error, undefined)
    assert.match(stdout, /new-id/)
  })

  it('exits 2 naming --code when none is given and there is no terminal', async () => {
    const {error, stderr} = await runCommand(['register'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --code/)
  })
})
