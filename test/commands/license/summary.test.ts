import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {ConfigStore} from '../../../src/config/store.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, luiReply, mockCwsToken, mockToken, useNock} from '../../helpers/nock.js'

const current = {
  customerId: 'acme',
  totalUsageCount: 150,
  userLicenseUsage: {totalUsageCount: 100, releasedCount: 4},
  deviceLicenseUsage: {totalUsageCount: 50, releasedCount: 1},
  totalAvailableLicenseCount: 200,
  remainingLicenseCount: 50,
  timeStamp: '2026-11-24T08:00:00Z',
  productName: 'Citrix DaaS',
  nextExpiredLicenses: {nextExpiredTime: '2026-12-10T00:00:00Z', totalCount: 40, daysToExpire: 16},
  nextActivatingLicense: null,
  productEdition: 'Premium',
}

describe('ctx license summary', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('shows used, available, remaining, released and the next expiry with days left', async () => {
    mockToken().get('/licensing/license/enterprise/cloud/cvad/ud/current').reply(200, current)
    const {stdout, error} = await runCommand(['license', 'summary'])
    assert.equal(error, undefined)
    assert.match(stdout, /Citrix DaaS \(Premium\)/)
    assert.match(stdout, /Used\s+150 \(100 users, 50 devices\)/)
    assert.match(stdout, /Remaining\s+50/)
    assert.match(stdout, /Released\s+5/)
    assert.match(stdout, /Next expiry\s+2026-12-10: 40 licenses, 16 days left/)
    assert.match(stdout, /Next activation\s+none/)
  })

  it('returns the figures under --json', async () => {
    const {userLicenseUsage: _u, deviceLicenseUsage: _d, ...noSplit} = current
    mockToken()
      .get('/acme/cloudlicenseusages/products/xenmobile/current')
      .reply(200, {...noSplit, licenseModel: 'UserDevice'})
    const {stdout} = await runCommand(['license', 'summary', '--product', 'endpoint-management', '--json'])
    const {summary} = JSON.parse(stdout) as {summary: Record<string, unknown>}
    assert.deepEqual(
      {
        view: summary.view,
        product: summary.product,
        used: summary.used,
        remaining: summary.remaining,
        nextExpiry: summary.nextExpiry,
        usedByUsers: summary.usedByUsers,
        userDeviceSplit: summary.userDeviceSplit,
      },
      {
        view: 'enterprise',
        product: 'endpoint-management',
        used: 150,
        remaining: 50,
        nextExpiry: {date: '2026-12-10T00:00:00Z', count: 40, daysLeft: 16},
        usedByUsers: null,
        userDeviceSplit: false,
      },
    )
  })

  it('exits 6 with a hint when the customer is not entitled to the service', async () => {
    mockToken()
      .get('/licensing/license/enterprise/cloud/daasazure/ud/current')
      .reply(404, {type: 'https://errors-api.cloud.com/licensing/notFound', detail: 'Not entitled'})
    const {error, stderr} = await runCommand(['license', 'summary', '--product', 'daas-azure'])
    assert.equal(error?.oclif?.exit, 6)
    assert.match(stderr, /404: Not entitled/)
    assert.match(stderr, /Hint: The customer is not entitled to Citrix DaaS Standard for Azure/)
  })

  it('shows the partner DaaS view for a month', async () => {
    mockToken()
      .get('/licensing/license/partner/cloud/cvad/summary')
      .query({month: '2026-10'})
      .reply(200, {month: '2026-10', customers: 3, licenses: 900, users: 950, overage: 50})
    const {stdout} = await runCommand(['license', 'summary', '--view', 'partner-daas', '--month', '2026-10'])
    assert.match(stdout, /Customers\s+3/)
    assert.match(stdout, /Overage\s+50/)
  })

  it('takes the view from the profile key license-view', async () => {
    await ConfigStore.open().updateProfile('default', {'license-view': 'partner-onprem'})
    // [seen] The on-premises partner figures take the cws token only.
    mockCwsToken().get('/acme/licenseusagedata').query(true).reply(200, luiReply)
    const {stdout} = await runCommand(['license', 'summary'])
    assert.match(stdout, /Paid users\s+8/)
  })

  it('exits 2 on --product in a partner view, naming the conflict, before any call', async () => {
    const {error, stderr} = await runCommand([
      'license',
      'summary',
      '--view',
      'partner-daas',
      '--product',
      'endpoint-management',
    ])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--product does not apply to the partner-daas view/)
  })

  it('exits 2 on --month in the enterprise view, naming the conflict, before any call', async () => {
    const {error, stderr} = await runCommand(['license', 'summary', '--view', 'enterprise', '--month', '2026-10'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--month does not apply to the enterprise view/)
  })

  it('answers a --month that is not yyyy-MM with the format, not with the 12-month history rule', async () => {
    const {error, stderr} = await runCommand(['license', 'summary', '--view', 'partner-daas', '--month', '2026/10'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--month "2026\/10" is not a month/)
    assert.match(stderr, /yyyy-MM/)
    assert.doesNotMatch(stderr, /12 months/)
  })

  it('answers a bad CTX_LICENSE_VIEW by naming the variable, not `ctx config set`', async () => {
    process.env.CTX_LICENSE_VIEW = 'reseller'
    const {error, stderr} = await runCommand(['license', 'summary'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /CTX_LICENSE_VIEW/)
    assert.doesNotMatch(stderr, /config set/)
  })

  it('exits 2 for an unknown view, before any call', async () => {
    const {error} = await runCommand(['license', 'summary', '--view', 'reseller'])
    assert.equal(error?.oclif?.exit, 2)
  })

  const ccu = {
    currentCcu: {totalLicenseCount: 500, assignedLicenseCount: 120, reportTime: '2026-11-24T08:00:00Z'},
    last24HoursPeak: {assignedLicenseCount: 150, reportTime: '2026-11-23T15:00:00Z'},
    monthPeak: {assignedLicenseCount: 180, reportTime: '2026-11-10T15:00:00Z'},
    allTimePeak: {count: 210, time: '2026-06-01T15:00:00Z'},
  }
  const ccuPath = '/acme/license/enterprise/cloud/cvad/ccu/summary'

  it('shows the concurrent figures and says so when user/device answers 404', async () => {
    mockToken()
      .get('/licensing/license/enterprise/cloud/cvad/ud/current')
      .reply(404, {
        type: '404',
        detail: 'resource not found',
        parameters: {name: 'entityType', value: 'UserDeviceLicense'},
      })
      .get(ccuPath)
      .query({UsageType: 'device', LicenseModel: 'Concurrent'})
      .reply(200, ccu)
    const {stdout, stderr, error} = await runCommand(['license', 'summary'])
    assert.equal(error, undefined)
    assert.match(stderr, /Showing concurrent licenses: the customer has no user\/device licenses/)
    assert.match(stdout, /Citrix DaaS \(Concurrent\) — concurrent licenses/)
    assert.match(stdout, /Concurrent now\s+120 \(2026-11-24 08:00 UTC\) of 500/)
    assert.match(stdout, /Peak, last 24 hours\s+150/)
    assert.match(stdout, /Peak this month\s+180/)
    assert.match(stdout, /All-time peak\s+210/)
  })

  it('asks for the concurrent model only with --license-model concurrent, and returns the peaks under --json', async () => {
    mockToken().get(ccuPath).query(true).reply(200, ccu)
    const {stdout} = await runCommand(['license', 'summary', '--license-model', 'concurrent', '--json'])
    const {summary} = JSON.parse(stdout) as {summary: {licenseModel: string; concurrent: {monthPeak: {count: number}}}}
    assert.deepEqual([summary.licenseModel, summary.concurrent.monthPeak.count], ['concurrent', 180])
  })

  it('exits 2 for --license-model concurrent with another service', async () => {
    const {error} = await runCommand([
      'license',
      'summary',
      '--license-model',
      'concurrent',
      '--product',
      'endpoint-management',
    ])
    assert.equal(error?.oclif?.exit, 2)
  })

  it('says that Endpoint Management has no user/device split instead of showing zeros', async () => {
    mockToken().get('/acme/cloudlicenseusages/products/xenmobile/current').reply(200, {
      productName: 'Citrix Endpoint Management',
      productEdition: 'Enterprise',
      totalAvailableLicenseCount: 300,
      totalUsageCount: 120,
      remainingLicenseCount: 180,
      nextExpiredLicenses: null,
      licenseModel: 'UserDevice',
    })
    const {stdout} = await runCommand(['license', 'summary', '--product', 'endpoint-management'])
    assert.match(
      stdout,
      /Used\s+120; by users and devices: not reported \(Citrix gives no user\/device split for this service\)/,
    )
    assert.doesNotMatch(stdout, /0 users/)
    assert.doesNotMatch(stdout, /Released/)
  })
})
