import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {expiredTokenBody, testAppliance} from '../../helpers/appliance.js'
import {caCertFile} from '../../helpers/appliance-env.js'
import {useTempConfig} from '../../helpers/env.js'
import {useNock} from '../../helpers/nock.js'

const location = '0f9c2a51-6e0b-4b7e-9d3f-1a2b3c4d5e6f'
const codeReply = (expiryTimestamp: string) => ({
  code: 'AB12CD34',
  pollingInterval: 1,
  status: 'Unregistered',
  verificationUrl: 'https://citrix.cloud.com/identity/api-access/product-registrations',
  expiryTimestamp,
})

describe('ctx appliance register --wait', () => {
  let temp: ReturnType<typeof useTempConfig>
  let args: string[]
  beforeEach(() => {
    temp = useTempConfig()
    process.env.CTX_APPLIANCE_PASSWORD = 'pw'
    args = [
      'appliance',
      'register',
      '--host',
      'ca.test:4443',
      '--ca-cert',
      caCertFile(temp.dir),
      '--name',
      'ca-01',
      '--resource-location',
      location,
      '--wait',
    ]
  })
  afterEach(() => temp.restore())
  useNock()

  it('waits until the code is registered, renewing the token when it expires mid-wait', async () => {
    const later = new Date(Date.now() + 600_000).toISOString()
    nock(testAppliance)
      .post('/$login')
      .reply(200, {token: 'tok-1', expiresIn: 900})
      .post('/registration')
      .reply(201, codeReply(later))
      .get('/registration')
      .reply(200, {status: 'Unregistered', code: 'AB12CD34', expiryTimestamp: later})
      .get('/registration')
      .reply(401, expiredTokenBody)
      .post('/$login')
      .reply(200, {token: 'tok-2', expiresIn: 900})
      .get('/registration')
      .reply(200, {status: 'Registered'})
    const {stdout, stderr, error} = await runCommand(args)
    assert.equal(error, undefined)
    assert.match(stdout, /is registered with Citrix Cloud as ca-01/)
    assert.doesNotMatch(stderr, /Error/)
  })

  it('exits 9 when the code expires while waiting', async () => {
    const soon = new Date(Date.now() + 1500).toISOString()
    nock(testAppliance)
      .post('/$login')
      .reply(200, {token: 'tok', expiresIn: 900})
      .post('/registration')
      .reply(201, codeReply(soon))
      .get('/registration')
      .times(3)
      .reply(200, {status: 'Unregistered', code: 'AB12CD34', expiryTimestamp: soon})
    const {error, stderr} = await runCommand(args)
    nock.cleanAll()
    assert.equal(error?.oclif?.exit, 9)
    assert.match(stderr, /code AB12CD34 expired/)
  })

  it('exits 9 when --timeout passes first', async () => {
    const later = new Date(Date.now() + 600_000).toISOString()
    nock(testAppliance)
      .post('/$login')
      .reply(200, {token: 'tok', expiresIn: 900})
      .post('/registration')
      .reply(201, codeReply(later))
      .get('/registration')
      .times(3)
      .reply(200, {status: 'Unregistered', code: 'AB12CD34', expiryTimestamp: later})
    const {error, stderr} = await runCommand([...args, '--timeout', '1s'])
    nock.cleanAll()
    assert.equal(error?.oclif?.exit, 9)
    assert.match(stderr, /Stopped waiting/)
  })

  it('exits 2 on a timeout that is not a duration', async () => {
    nock(testAppliance).post('/$login').reply(200, {token: 'tok', expiresIn: 900})
    const {error, stderr} = await runCommand([...args, '--timeout', 'soonish'])
    nock.cleanAll()
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--timeout "soonish" is not a duration/)
  })

  it('exits 2 on a bare number, which would be read as milliseconds', async () => {
    nock(testAppliance).post('/$login').optionally().reply(200, {token: 'tok', expiresIn: 900})
    const {error, stderr} = await runCommand([...args, '--timeout', '5'])
    nock.cleanAll()
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--timeout "5" has no unit/)
    assert.match(stderr, /5s, 5m or 5h/)
  })
})
