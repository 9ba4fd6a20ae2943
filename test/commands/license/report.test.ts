import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {addMonths, formatMonth, monthOf} from '../../../src/util/months.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, luiReply, mockCwsToken, mockToken, testApi, useNock} from '../../helpers/nock.js'

const enterprise = '/licensing/license/enterprise/cloud/cvad/ud'
const monthsAgo = (n: number) => formatMonth(addMonths(monthOf(new Date()), -n))
const counts = {cumulativeAssignedCount: 90, newAssignedCount: 5, releasedCount: 1}
const current = {
  customerId: 'acme',
  totalUsageCount: 180,
  userLicenseUsage: {totalUsageCount: 90, releasedCount: 0},
  deviceLicenseUsage: {totalUsageCount: 90, releasedCount: 0},
  totalAvailableLicenseCount: 200,
  remainingLicenseCount: 20,
  timeStamp: '2026-11-24T08:00:00Z',
  productName: 'Citrix Endpoint Management',
  nextExpiredLicenses: null,
  nextActivatingLicense: null,
  productEdition: 'Enterprise',
}

function mockEnterpriseReport(segment = 'cvad', months = 2): nock.Scope {
  const base = enterprise.replace('cvad', segment)
  // [seen] Endpoint Management and Secure Private Access report current usage on the cloudlicense call.
  const currentPath = segment === 'cvad' ? `${base}/current` : `/acme/cloudlicenseusages/products/${segment}/current`
  return mockToken()
    .get(currentPath)
    .reply(200, current)
    .get(`${base}/historicalusage`)
    .query({startDate: monthsAgo(months - 1), endDate: monthsAgo(0)})
    .reply(200, {
      historicalUsageList: [
        {
          timeStamp: `${monthsAgo(0)}-01T00:00:00Z`,
          totalAvailableLicenseCount: 200,
          userLicenseUsage: counts,
          deviceLicenseUsage: counts,
        },
      ],
    })
}

describe('ctx license report', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('writes the HTML report and says where on stderr, leaving stdout empty', async () => {
    mockEnterpriseReport('xenmobile')
    const out = join(temp.dir, 'report.html')
    const {stdout, stderr, error} = await runCommand([
      'license',
      'report',
      '--out',
      out,
      '--months',
      '2',
      '--product',
      'endpoint-management',
    ])
    assert.equal(error, undefined)
    assert.equal(stdout, '')
    assert.equal(stderr, `Wrote the enterprise license report for ${monthsAgo(1)} to ${monthsAgo(0)} to ${out}\n`)
    assert.match(
      readFileSync(out, 'utf8'),
      /<h1 data-testid="report-title">License usage — Citrix Endpoint Management<\/h1>/,
    )
  })

  it('gives the path and the counts under --json', async () => {
    mockEnterpriseReport()
    const out = join(temp.dir, 'report.html')
    const {stdout} = await runCommand(['license', 'report', '--out', out, '--months', '2', '--json'])
    assert.deepEqual(JSON.parse(stdout), {
      out,
      view: 'enterprise',
      from: monthsAgo(1),
      to: monthsAgo(0),
      months: 1,
      expiries: 0,
      topCustomersByUse: 0,
      topCustomersByOverage: 0,
    })
  })

  it('takes the view from CTX_LICENSE_VIEW when --view is not given', async () => {
    process.env.CTX_LICENSE_VIEW = 'partner-onprem'
    const scope = mockToken()
    mockCwsToken(scope)
      .get('/acme/licenseusagedata')
      .query({date: monthsAgo(0)})
      .reply(200, luiReply)
    scope
      .get('/licensing/license/partner/onprem/cvad/customers')
      .query(true)
      .reply(200, {
        items: [{accountId: '1', accountName: 'Contoso', totalUsers: 10, paidUsers: 8, freeUsers: 2}],
        continuationToken: null,
      })
    const out = join(temp.dir, 'onprem.html')
    const {stdout} = await runCommand(['license', 'report', '--out', out, '--months', '1', '--json'])
    assert.deepEqual(JSON.parse(stdout), {
      out,
      view: 'partner-onprem',
      from: monthsAgo(0),
      to: monthsAgo(0),
      months: 1,
      expiries: 0,
      topCustomersByUse: 1,
      topCustomersByOverage: 0,
    })
  })

  it('exits 2 naming --out when it is missing, before any call', async () => {
    const {error, stderr} = await runCommand(['license', 'report'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /^Error: ctx license report needs --out.\n/)
  })

  it('refuses --months 13 with exit 2 and writes nothing', async () => {
    const out = join(temp.dir, 'report.html')
    const {error} = await runCommand(['license', 'report', '--out', out, '--months', '13'])
    assert.equal(error?.oclif?.exit, 2)
    assert.equal(existsSync(out), false)
  })

  it('exits 6 with the not-entitled hint and writes nothing', async () => {
    mockToken(nock(testApi))
      .get(`${enterprise.replace('cvad', 'daasazure')}/current`)
      .reply(404, {type: 'https://errors-api.cloud.com/licensing/notFound', detail: 'Not entitled.'})
    const out = join(temp.dir, 'report.html')
    const {error, stderr} = await runCommand(['license', 'report', '--out', out, '--product', 'daas-azure'])
    assert.equal(error?.oclif?.exit, 6)
    assert.match(stderr, /Hint: The customer is not entitled to Citrix DaaS Standard for Azure/)
    assert.equal(existsSync(out), false)
  })
})
