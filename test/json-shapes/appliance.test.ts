import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {pinCertificate} from '../../src/config/appliance-pins.js'
import {ConfigStore} from '../../src/config/store.js'
import {testAppliance} from '../helpers/appliance.js'
import {caCertFile} from '../helpers/appliance-env.js'
import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../helpers/nock.js'

const location = '0f9c2a51-6e0b-4b7e-9d3f-1a2b3c4d5e6f'
const codeReply = {
  code: 'AB12CD34',
  pollingInterval: 1,
  status: 'Unregistered',
  verificationUrl: 'https://citrix.cloud.com/identity/api-access/product-registrations',
  expiryTimestamp: '2099-01-01T00:15:00.000Z',
}

describe('locked --json shapes: ctx appliance', () => {
  let temp: ReturnType<typeof useTempConfig>
  let host: string[]
  beforeEach(() => {
    temp = useTempConfig()
    process.env.CTX_APPLIANCE_PASSWORD = 'pw'
    host = ['--host', 'ca.test:4443', '--ca-cert', caCertFile(temp.dir)]
  })
  afterEach(() => temp.restore())
  useNock()
  // The appliance token is cached in the config folder: only a test's first command logs in.
  const loggedIn = () => nock(testAppliance).post('/$login').reply(200, {token: 'tok', expiresIn: 900})

  it('appliance pins: none, and two', async () => {
    const none = await runJson(['appliance', 'pins'])
    for (const host of ['10.0.0.5:443', '10.0.0.6:8443'])
      await pinCertificate(ConfigStore.open(), 'default', host, {
        fingerprint: 'sha256:AA',
        certificate: 'PEM',
        trustedAt: new Date().toISOString(),
      })
    expectJsonShape('appliance-pins', none, await runJson(['appliance', 'pins']))
  })

  it('appliance forget: a pinned host, and one without a pin', async () => {
    await pinCertificate(ConfigStore.open(), 'default', '10.0.0.5:443', {
      fingerprint: 'sha256:AA',
      certificate: 'PEM',
      trustedAt: new Date().toISOString(),
    })
    expectJsonShape(
      'appliance-forget',
      await runJson(['appliance', 'forget', '--host', '10.0.0.5']),
      await runJson(['appliance', 'forget', '--host', '10.0.0.7']),
    )
  })

  it('appliance login: with the first password set, and with one set already', async () => {
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: false})
      .post('/credentials')
      .reply(204)
      .post('/$login')
      .reply(200, {token: 'tok-1', expiresIn: 900})
    const first = await runJson(['appliance', 'login', ...host])
    nock(testAppliance)
      .get('/credentials')
      .reply(200, {credentialsAreSetup: true})
      .post('/$login')
      .reply(200, {token: 'tok-2', expiresIn: 900})
    const again = await runJson(['appliance', 'login', ...host])
    expectJsonShape('appliance-login', first, again)
  })

  it('appliance register: the code to enter, and --accept (registered in Citrix Cloud at once)', async () => {
    loggedIn().post('/registration').reply(201, codeReply)
    const code = await runJson(['appliance', 'register', ...host, '--name', 'ca-01', '--resource-location', location])
    Object.assign(process.env, fakeCredentialsEnv())
    nock(testAppliance)
      .post('/registration')
      .reply(201, codeReply)
      .get('/registration')
      .reply(200, {status: 'Registered'})
    mockToken()
      .post('/root/trust/v1/registrations/acme', {code: 'AB12CD34'})
      .reply(201, {instanceID: 'inst-1', service: 'ConnectorAppliance'})
    const accepted = await runJson([
      'appliance',
      'register',
      ...host,
      '--name',
      'ca-01',
      '--resource-location',
      location,
      '--accept',
    ])
    expectJsonShape('appliance-register', code, accepted)
  })

  it('appliance register --unattended', async () => {
    Object.assign(process.env, fakeCredentialsEnv())
    loggedIn().post('/unattendedRegistration').reply(200, {status: 'Registered'})
    expectJsonShape(
      'appliance-register.unattended',
      await runJson(['appliance', 'register', ...host, '--name', 'ca-01', '--unattended']),
    )
  })

  it('appliance status: registered, and unregistered with a pending code', async () => {
    loggedIn().get('/registration').reply(200, {status: 'Registered'})
    const registered = await runJson(['appliance', 'status', ...host])
    nock(testAppliance)
      .get('/registration')
      .reply(200, {status: 'Unregistered', code: 'AB12CD34', expiryTimestamp: '2099-01-01T00:00:00Z'})
    const pending = await runJson(['appliance', 'status', ...host])
    expectJsonShape('appliance-status', registered, pending)
  })
})
