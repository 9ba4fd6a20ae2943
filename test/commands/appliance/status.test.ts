import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {testAppliance, withoutTerminal} from '../../helpers/appliance.js'
import {caCertFile} from '../../helpers/appliance-env.js'
import {useTempConfig} from '../../helpers/env.js'
import {useNock} from '../../helpers/nock.js'

describe('ctx appliance status', () => {
  let temp: ReturnType<typeof useTempConfig>
  let args: string[]
  beforeEach(() => {
    temp = useTempConfig()
    process.env.CTX_APPLIANCE_PASSWORD = 'pw'
    args = ['appliance', 'status', '--host', 'ca.test:4443', '--ca-cert', caCertFile(temp.dir)]
  })
  afterEach(() => temp.restore())
  useNock()
  const appliance = () => nock(testAppliance).post('/$login').reply(200, {token: 'tok', expiresIn: 900})

  it('prints Registered', async () => {
    appliance().get('/registration').reply(200, {status: 'Registered'})
    const {stdout, error} = await runCommand(args)
    assert.equal(error, undefined)
    assert.equal(stdout.trim(), 'Registered')
  })

  it('prints the pending code and its expiry, exit 0', async () => {
    appliance()
      .get('/registration')
      .reply(200, {status: 'Unregistered', code: 'AB12CD34', expiryTimestamp: '2099-01-01T00:00:00Z'})
    const {stdout, error} = await runCommand(args)
    assert.equal(error, undefined)
    assert.match(stdout, /Unregistered\nPending code AB12CD34, expires 2099-01-01T00:00:00Z/)
  })

  it('returns a stable JSON document under --json', async () => {
    appliance()
      .get('/registration')
      .reply(200, {status: 'Unregistered', code: 'AB12CD34', expiryTimestamp: '2099-01-01T00:00:00Z'})
    const {stdout} = await runCommand([...args, '--json'])
    assert.deepEqual(JSON.parse(stdout), {
      host: 'ca.test:4443',
      status: 'Unregistered',
      code: 'AB12CD34',
      expiryTimestamp: '2099-01-01T00:00:00Z',
    })
  })

  it('exits 9 with --expect registered when the appliance is not registered', async () => {
    appliance().get('/registration').reply(200, {status: 'Unregistered'})
    const {error, stderr} = await runCommand([...args, '--expect', 'registered'])
    assert.equal(error?.oclif?.exit, 9)
    assert.match(stderr, /is not registered/)
  })

  it('exits 0 with --expect registered when it is', async () => {
    appliance().get('/registration').reply(200, {status: 'Registered'})
    const {error} = await runCommand([...args, '--expect', 'registered'])
    assert.equal(error, undefined)
  })

  it('asks nothing without a terminal and names --host when it is missing (exit 2)', async () => {
    const {error, stderr} = await withoutTerminal(() => runCommand(['appliance', 'status']))
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--host/)
  })
})
