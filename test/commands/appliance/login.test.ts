import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {expiredTokenBody, testAppliance, withoutTerminal} from '../../helpers/appliance.js'
import {caCertFile} from '../../helpers/appliance-env.js'
import {useTempConfig} from '../../helpers/env.js'
import {useNock} from '../../helpers/nock.js'

describe('ctx appliance login', () => {
  let temp: ReturnType<typeof useTempConfig>
  let args: string[]
  beforeEach(() => {
    temp = useTempConfig()
    args = ['appliance', 'login', '--host', 'ca.test:4443', '--ca-cert', caCertFile(temp.dir)]
  })
  afterEach(() => temp.restore())
  useNock()

  it('logs in with the password from CTX_APPLIANCE_PASSWORD and caches the token for status', async () => {
    process.env.CTX_APPLIANCE_PASSWORD = 'pw-from-env'
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: true})
      .post('/$login', {username: 'admin', password: 'pw-from-env'})
      .reply(200, {token: 'tok-1', expiresIn: 900})
    const {error, stderr} = await runCommand(args)
    assert.equal(error, undefined)
    assert.match(stderr, /Logged in to ca\.test:4443/)
    delete process.env.CTX_APPLIANCE_PASSWORD
    nock(testAppliance, {reqheaders: {authorization: 'Bearer tok-1'}})
      .get('/registration')
      .reply(200, {status: 'Unregistered'})
    const status = await runCommand([
      'appliance',
      'status',
      '--host',
      'ca.test:4443',
      '--ca-cert',
      caCertFile(temp.dir),
    ])
    assert.equal(status.stdout.trim(), 'Unregistered')
  })

  it('sets the first admin password when the appliance has none', async () => {
    process.env.CTX_APPLIANCE_PASSWORD = 'first-pw'
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: false})
      .post('/credentials', {username: 'admin', password: 'first-pw'})
      .reply(204)
      .post('/$login')
      .reply(200, {token: 'tok', expiresIn: 900})
    const {stdout} = await runCommand([...args, '--json'])
    assert.equal((JSON.parse(stdout) as {passwordSet: boolean}).passwordSet, true)
  })

  it('exits 4 on a bad password, and never prints it', async () => {
    process.env.CTX_APPLIANCE_PASSWORD = 'wrong-pw-123'
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: true})
      .post('/$login')
      .reply(401, expiredTokenBody)
    const {error, stderr, stdout} = await runCommand(args)
    assert.equal(error?.oclif?.exit, 4)
    assert.match(stderr, /refused the admin password/)
    assert.doesNotMatch(stderr + stdout, /wrong-pw-123/)
  })

  it('asks for nothing without a terminal and names where the password can come from (exit 2)', async () => {
    nock(testAppliance).get('/credentials').reply(200, {credentialsAreSetup: true})
    const {error, stderr} = await withoutTerminal(() => runCommand(args))
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /CTX_APPLIANCE_PASSWORD/)
  })

  it('warns every time with --insecure', async () => {
    process.env.CTX_APPLIANCE_PASSWORD = 'pw'
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: true})
      .post('/$login')
      .reply(200, {token: 'tok', expiresIn: 900})
    const {stderr} = await runCommand(['appliance', 'login', '--host', 'ca.test:4443', '--insecure'])
    assert.match(stderr, /Warning: --insecure: the certificate of ca\.test:4443 is NOT checked/)
  })

  it('exits 2 on a fingerprint that is not SHA-256', async () => {
    const {error, stderr} = await runCommand([
      'appliance',
      'login',
      '--host',
      'ca.test:4443',
      '--fingerprint',
      'md5:abcd',
    ])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /not a SHA-256 fingerprint/)
  })

  it("exits 8 saying the appliance does not answer ctx's login call when it answers 404, and asks for its version", async () => {
    process.env.CTX_APPLIANCE_PASSWORD = 'pw'
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: true})
      .post('/$login')
      .reply(404, {type: '404', detail: 'Not Found'})
    const {error, stderr} = await runCommand(args)
    delete process.env.CTX_APPLIANCE_PASSWORD
    assert.equal(error?.oclif?.exit, 8)
    assert.match(stderr, /this appliance does not answer ctx's login call; please report the appliance version/)
  })
})
