import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockCwsToken, useNock} from '../../helpers/nock.js'

const server = (fqdn: string, extra: Record<string, unknown> = {}) => ({
  hostID: fqdn,
  fqdn,
  isPhoningHome: true,
  lastPhoningHomeTime: '2026-11-24T06:00:00Z',
  isEverReported: true,
  isFoundInBackOffice: true,
  isNonCspLicenseInstalled: false,
  isCcu: false,
  isExpired: false,
  daysToExpire: 300,
  licenseExpirationDate: '2027-09-20T00:00:00Z',
  isCompliant: true,
  isLicenseServerFree: false,
  ...extra,
})
const reply = {
  licenseServersStatus: [
    server('lic-01.example'),
    server('lic-02.example', {isPhoningHome: false, lastPhoningHomeTime: '2026-10-01T00:00:00Z'}),
    server('lic-03.example', {daysToExpire: 12}),
  ],
}

describe('ctx license servers', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('lists every license server with its health through the cws token, stale ones first', async () => {
    mockCwsToken().get('/acme/licenseservers').matchHeader('authorization', 'CwsAuth Bearer=cws-abc').reply(200, reply)
    const {stdout, stderr, error} = await runCommand(['license', 'servers'])
    assert.equal(error, undefined)
    assert.match(stdout, /lic-02\.example\s+│?\s*not phoning home since 2026-10-01/)
    assert.ok(stdout.indexOf('lic-01.example') > stdout.indexOf('lic-03.example'))
    assert.match(stderr, /2 of 3 license servers are stale/)
  })

  it('selects the stale ones with --stale, as CSV', async () => {
    mockCwsToken().get('/acme/licenseservers').reply(200, reply)
    const {stdout} = await runCommand(['license', 'servers', '--stale', '--csv'])
    const lines = stdout.trim().split(/\r?\n/)
    assert.equal(lines[0], 'fqdn,issues,stale,phoningHome,lastPhoningHome,licenseExpiration,free')
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      ['lic-02.example', 'lic-03.example'],
    )
  })

  it('says so when no server is stale', async () => {
    mockCwsToken()
      .get('/acme/licenseservers')
      .twice()
      .reply(200, {licenseServersStatus: [server('lic-01.example')]})
    const {stdout} = await runCommand(['license', 'servers', '--stale', '--json'])
    assert.deepEqual(JSON.parse(stdout), {staleOnly: true, total: 1, servers: []})
    const {stderr} = await runCommand(['license', 'servers', '--stale'])
    assert.match(stderr, /None of the 1 license servers is stale/)
  })

  it('exits 2 in the Gov region, where the licensing host is not known', async () => {
    process.env.CTX_REGION = 'gov'
    delete process.env.CTX_API_URL
    const {error} = await runCommand(['license', 'servers'])
    assert.equal(error?.oclif?.exit, 2)
  })
})
