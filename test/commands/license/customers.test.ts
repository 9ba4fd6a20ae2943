import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockCwsToken, mockToken, testApi, useNock} from '../../helpers/nock.js'
import nock from 'nock'

const onprem = '/licensing/license/partner/onprem/cvad/customers'
const cloud = '/licensing/license/partner/cloud/cvad/customers'
/** [seen] The partner directory (partner host, cws token), here naming no one. */
const directory = () => mockCwsToken().get('/acme/customers').reply(200, {items: []})

describe('ctx license customers', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('lists the on-premises customers of every page in a table by default', async () => {
    mockToken()
      .get(onprem)
      .query({month: '2026-10', limit: '1000'})
      .reply(200, {
        items: [{accountId: '7001', accountName: 'Contoso', totalUsers: 10, paidUsers: 9, freeUsers: 1}],
        continuationToken: 'p2',
      })
      .get(onprem)
      .query({month: '2026-10', limit: '1000', continuationToken: 'p2'})
      .reply(200, {
        items: [{accountId: '7002', accountName: 'Fabrikam', totalUsers: 5, paidUsers: 5, freeUsers: 0}],
        continuationToken: null,
      })
    const {stdout} = await runCommand(['license', 'customers', '--month', '2026-10'])
    assert.match(stdout, /Account id.*Account.*Users.*Paid users.*Free users/)
    assert.match(stdout, /Contoso/)
    assert.match(stdout, /Fabrikam/)
  })

  it('prints the DaaS view as CSV with its fixed header', async () => {
    mockToken()
      .get(cloud)
      .query(true)
      .reply(200, {items: [{orgId: 'o-1', totalLicenses: 100, totalUsers: 120, overage: 20}], continuationToken: null})
    directory()
    const {stdout} = await runCommand(['license', 'customers', '--view', 'partner-daas', '--csv'])
    assert.deepEqual(stdout.trim().split(/\r?\n/), [
      'customerName,orgId,totalLicenses,totalUsers,overage',
      'o-1,o-1,100,120,20',
    ])
  })

  it('returns view, month and customers under --json', async () => {
    mockToken().get(cloud).query(true).reply(200, {items: [], continuationToken: null})
    directory()
    const {stdout, stderr} = await runCommand([
      'license',
      'customers',
      '--view',
      'partner-daas',
      '--month',
      '2026-09',
      '--json',
    ])
    assert.deepEqual(JSON.parse(stdout), {view: 'partner-daas', month: '2026-09', customers: []})
    assert.equal(stderr, '')
  })

  it('warns once on stderr when the partner directory does not answer, naming customers by org id', async () => {
    mockToken()
      .get(cloud)
      .query(true)
      .reply(200, {items: [{orgId: 'o-1', totalLicenses: 100, totalUsers: 120, overage: 20}], continuationToken: 'p2'})
      .get(cloud)
      .query(true)
      .reply(200, {items: [{orgId: 'o-2', totalLicenses: 10, totalUsers: 5, overage: 0}], continuationToken: null})
    mockCwsToken()
      .get('/acme/customers')
      .reply(403, {type: 'https://errors-api.cloud.com/common/forbidden', detail: 'Forbidden'})
    const {stdout, stderr} = await runCommand(['license', 'customers', '--view', 'partner-daas', '--csv'])
    assert.deepEqual(stdout.trim().split(/\r?\n/).slice(1), ['o-1,o-1,100,120,20', 'o-2,o-2,10,5,0'])
    assert.equal(
      stderr.match(/Warning: The partner directory .* did not answer .*403.*: customers are named by their org id\./g)
        ?.length,
      1,
      stderr,
    )
  })

  it('exits 2 with the reason when the month is out of range', async () => {
    nock(testApi)
      .post('/cctrustoauth2/acme/tokens/clients')
      .reply(200, {token_type: 'bearer', access_token: 't', expires_in: '3600'})
    nock(testApi)
      .get(onprem)
      .query(true)
      .reply(400, {type: 'https://errors-api.cloud.com/common/outOfRange', detail: 'month 2024-01 is out of range'})
    const {error, stderr} = await runCommand(['license', 'customers', '--month', '2024-01'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /out of range/)
    assert.match(stderr, /within the last 12 months/)
  })
})
