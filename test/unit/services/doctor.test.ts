import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {CitrixClient} from '../../../src/citrix/client.js'
import {resolveSettings} from '../../../src/config/settings.js'
import {ConfigStore} from '../../../src/config/store.js'
import {createHttpClient} from '../../../src/http/client.js'
import {runDoctorChecks, type DoctorCheck} from '../../../src/services/doctor.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

async function runDoctor(flags: {'ca-bundle'?: string} = {}): Promise<Record<string, DoctorCheck>> {
  const checks = await runDoctorChecks({
    openStore: () => ConfigStore.open(),
    settings: () => resolveSettings(flags, ConfigStore.open()),
    http: (caBundle) => createHttpClient({maxRetries: 0, caBundle}),
    citrix: (settings, http) => new CitrixClient(http, settings),
  })
  return Object.fromEntries(checks.map((c) => [c.name, c]))
}

const answerRoot = (date: Date) => nock(testApi).get('/').times(6).reply(404, {}, {date: date.toUTCString()})

describe('runDoctorChecks', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('passes every check when config, credentials, network and clock are fine', async () => {
    answerRoot(new Date())
    mockToken()
    const checks = await runDoctor()
    assert.deepEqual(
      Object.values(checks).map((c) => `${c.name}: ${c.status}`),
      [
        'Config: pass',
        'Credentials: pass',
        'Proxy: pass',
        'CA bundle: pass',
        'API host: pass',
        'Host cloudlicense.citrixworkspacesapi.net: pass',
        'Host licensing.citrixworkspacesapi.net: pass',
        'Host partner.citrixworkspacesapi.net: pass',
        'Host trust.citrixnetworkapi.net: pass',
        'Host trust.citrixworkspacesapi.net: pass',
        'Token: pass',
        'Clock: pass',
      ],
    )
  })

  it('gives a network failure a hint that does not send the user to ctx doctor', async () => {
    nock(testApi)
      .get('/')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}))
    const checks = await runDoctor()
    const failed = Object.values(checks).find((c) => c.status === 'fail')
    assert.ok(failed?.hint, JSON.stringify(checks))
    assert.match(failed.hint, /Check the network/)
    assert.doesNotMatch(failed.hint, /ctx doctor/)
  })

  it('warns when the clock is more than two minutes off the API host', async () => {
    answerRoot(new Date(Date.now() - 10 * 60_000))
    mockToken()
    const {Clock} = await runDoctor()
    assert.equal(Clock?.status, 'warn')
    assert.match(Clock?.message ?? '', /ahead of the API host/)
  })

  it('fails the token check with exit 4 when Citrix refuses the client', async () => {
    answerRoot(new Date())
    nock(testApi)
      .post('/cctrustoauth2/acme/tokens/clients')
      .reply(400, {error: 'invalid_client', error_description: 'Invalid client id or client secret.'})
    const {Token} = await runDoctor()
    assert.deepEqual([Token?.status, Token?.exitCode], ['fail', 4])
  })

  it('fails the credentials check with exit 3 and skips the token', async () => {
    delete process.env.CTX_CLIENT_SECRET
    answerRoot(new Date())
    const checks = await runDoctor()
    assert.deepEqual(
      [checks.Credentials?.status, checks.Credentials?.exitCode, checks.Token?.status],
      ['fail', 3, 'warn'],
    )
  })

  it('fails the CA bundle check with exit 3 when the file cannot be read, and still checks the rest', async () => {
    answerRoot(new Date())
    mockToken()
    const checks = await runDoctor({'ca-bundle': join(temp.dir, 'missing.pem')})
    assert.deepEqual(
      [checks['CA bundle']?.status, checks['CA bundle']?.exitCode, checks['API host']?.status],
      ['fail', 3, 'pass'],
    )
  })

  it('fails (exit 3) on a CA bundle holding no certificate, as every other command refuses it', async () => {
    const path = join(temp.dir, 'empty.pem')
    writeFileSync(path, 'nothing here')
    answerRoot(new Date())
    mockToken()
    const check = (await runDoctor({'ca-bundle': path}))['CA bundle']
    assert.deepEqual([check?.status, check?.exitCode], ['fail', 3])
  })

  it('names the proxy the API host goes through, without its password', async () => {
    process.env.HTTPS_PROXY = 'http://user:pw@127.0.0.1:9'
    process.env.CTX_API_URL = 'https://api.cloud.com'
    const {Proxy, 'API host': host} = await runDoctor()
    assert.equal(Proxy?.message, 'api.cloud.com through http://127.0.0.1:9/')
    assert.equal(host?.status, 'fail')
  })

  it('fails the config check with exit 3 and stops there when the file is corrupt', async () => {
    writeFileSync(join(temp.dir, 'config.json'), '{not json')
    const checks = await runDoctor()
    assert.deepEqual(Object.keys(checks), ['Config'])
    assert.equal(checks.Config?.exitCode, 3)
  })
})
