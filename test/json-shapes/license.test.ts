import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, luiReply, mockCwsToken, mockToken, testApi, useNock} from '../helpers/nock.js'

const enterprise = '/licensing/license/enterprise/cloud/cvad/ud'
const onprem = '/licensing/license/partner/onprem/cvad'
const cloud = '/licensing/license/partner/cloud/cvad'

/** The month `n` months before this one, as YYYY-MM (history and reports look back from today). */
function monthsAgo(n: number): string {
  const now = new Date()
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1))
  return date.toISOString().slice(0, 7)
}

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
const activatingInstead = {
  ...current,
  nextExpiredLicenses: null,
  nextActivatingLicense: {activatingTime: '2027-01-01T00:00:00Z', activatingCount: 25},
}
const counts = {cumulativeAssignedCount: 90, newAssignedCount: 5, releasedCount: 1}
const historyEntry = (month: string) => ({
  timeStamp: `${month}-01T00:00:00Z`,
  totalAvailableLicenseCount: 200,
  userLicenseUsage: counts,
  deviceLicenseUsage: counts,
})
const onPremCustomers = [
  {accountId: '7001', accountName: 'Contoso', totalUsers: 10, paidUsers: 9, freeUsers: 1},
  {accountId: '7002', accountName: 'Fabrikam', totalUsers: 5, paidUsers: 5, freeUsers: 0},
]
const cloudCustomers = [
  {orgId: 'o-1', totalLicenses: 100, totalUsers: 120, overage: 20},
  {orgId: 'o-2', totalLicenses: 50, totalUsers: 40, overage: 0},
]
const user = (id: string, status = 'Active') => ({
  userId: id,
  userName: `user-${id}`,
  licenseAssignedDate: '2025-01-01T00:00:00Z',
  lastLoginDate: '2025-03-01T00:00:00Z',
  licenseStatus: status,
})
const device = (id: string, status = 'Active') => ({
  deviceId: id,
  deviceName: `LT-${id}`,
  enrollmentStatus: 'Enrolled',
  licenseAssignedDate: '2025-01-01T00:00:00Z',
  lastLoginDate: '2025-03-01T00:00:00Z',
  licenseStatus: status,
})

describe('locked --json shapes: ctx license', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('license summary (enterprise): a next expiry and no activation, then the other way round', async () => {
    mockToken().get(`${enterprise}/current`).reply(200, current)
    const expiring = await runJson(['license', 'summary'])
    nock(testApi).get(`${enterprise}/current`).reply(200, activatingInstead)
    const activating = await runJson(['license', 'summary'])
    // [seen] Endpoint Management: no user/device split (nulls); a concurrent customer: the peaks.
    const {userLicenseUsage: _u, deviceLicenseUsage: _d, ...noSplit} = current
    nock(testApi)
      .get('/acme/cloudlicenseusages/products/xenmobile/current')
      .reply(200, {...noSplit, licenseModel: 'UserDevice'})
    const total = await runJson(['license', 'summary', '--product', 'endpoint-management'])
    nock(testApi)
      .get('/acme/license/enterprise/cloud/cvad/ccu/summary')
      .query(true)
      .reply(200, {
        currentCcu: {totalLicenseCount: 500, assignedLicenseCount: 120, reportTime: '2026-11-24T08:00:00Z'},
        last24HoursPeak: {assignedLicenseCount: 150, reportTime: '2026-11-23T15:00:00Z'},
        monthPeak: {assignedLicenseCount: 180, reportTime: '2026-11-10T15:00:00Z'},
        allTimePeak: {assignedLicenseCount: 210, reportTime: '2026-06-01T15:00:00Z'},
      })
    const concurrent = await runJson(['license', 'summary', '--license-model', 'concurrent'])
    expectJsonShape('license-summary.enterprise', expiring, activating, total, concurrent)
  })

  it('license summary --view partner-onprem', async () => {
    mockCwsToken().get('/acme/licenseusagedata').query({date: '2026-10'}).reply(200, luiReply)
    const withData = await runJson(['license', 'summary', '--view', 'partner-onprem', '--month', '2026-10'])
    nock(testApi).get('/acme/licenseusagedata').query({date: '2026-09'}).reply(200, {skus: []})
    const noData = await runJson(['license', 'summary', '--view', 'partner-onprem', '--month', '2026-09'])
    expectJsonShape('license-summary.partner-onprem', withData, noData)
  })

  it('license servers, all and --stale', async () => {
    const server = {
      hostID: 'h1',
      fqdn: 'lic-01.example',
      isPhoningHome: false,
      lastPhoningHomeTime: '2026-10-01T00:00:00Z',
      isEverReported: true,
      isFoundInBackOffice: true,
      isNonCspLicenseInstalled: false,
      isCcu: false,
      isExpired: false,
      daysToExpire: 300,
      licenseExpirationDate: '2027-09-20T00:00:00Z',
      isCompliant: true,
      isLicenseServerFree: false,
    }
    mockCwsToken()
      .get('/acme/licenseservers')
      .twice()
      .reply(200, {licenseServersStatus: [server, {...server, fqdn: 'lic-02.example', isPhoningHome: true}]})
    expectJsonShape(
      'license-servers',
      await runJson(['license', 'servers']),
      await runJson(['license', 'servers', '--stale']),
    )
  })

  it('license summary --view partner-daas', async () => {
    mockToken()
      .get(`${cloud}/summary`)
      .query({month: '2026-10'})
      .reply(200, {month: '2026-10', customers: 3, licenses: 900, users: 950, overage: 50})
    expectJsonShape(
      'license-summary.partner-daas',
      await runJson(['license', 'summary', '--view', 'partner-daas', '--month', '2026-10']),
    )
  })

  it('license customers --view partner-onprem', async () => {
    mockToken().get(`${onprem}/customers`).query(true).reply(200, {items: onPremCustomers, continuationToken: null})
    expectJsonShape(
      'license-customers.partner-onprem',
      await runJson(['license', 'customers', '--view', 'partner-onprem', '--month', '2026-10']),
    )
  })

  it('license customers --view partner-daas', async () => {
    mockToken().get(`${cloud}/customers`).query(true).reply(200, {items: cloudCustomers, continuationToken: null})
    expectJsonShape(
      'license-customers.partner-daas',
      await runJson(['license', 'customers', '--view', 'partner-daas', '--month', '2026-10']),
    )
  })

  it('license history', async () => {
    mockToken()
      .get(`${enterprise}/historicalusage`)
      .query(true)
      .reply(200, {historicalUsageList: [historyEntry(monthsAgo(1)), historyEntry(monthsAgo(0))]})
    expectJsonShape('license-history', await runJson(['license', 'history', '--months', '2']))
  })

  it('license export: the summary printed after writing the file (--out)', async () => {
    mockToken()
      .get(`${enterprise}/users`)
      .query(true)
      .reply(200, {items: [user('u1'), user('u2')], continuationToken: null})
    expectJsonShape(
      'license-export',
      await runJson(['license', 'export', 'users', '--format', 'json', '--out', join(temp.dir, 'users.json')]),
    )
  })

  // The shape of the removals' reports (product-remove.json): dryRun, confirmed, items with a result, counts.
  it('license release: expired users and devices and a given id, released and as a dry run', async () => {
    const expired = () =>
      nock(testApi)
        .get(`${enterprise}/users`)
        .query(true)
        .reply(200, {items: [user('u1', 'Expired'), user('u2')], continuationToken: null})
        .get(`${enterprise}/devices`)
        .query(true)
        .reply(200, {items: [device('d1', 'Expired')], continuationToken: null})
    mockToken()
    expired()
      .post(`${enterprise}/release`, {consumerList: ['u1', 'd1', 'extra-id']})
      .reply(200, {releasedCount: 3, failed: []})
    const released = await runJson(['license', 'release', '--expired', '--id', 'extra-id', '--yes'])
    expired()
    const dryRun = await runJson(['license', 'release', '--expired', '--dry-run'])
    expectJsonShape('license-release', released, dryRun)
  })

  it('license release: the error document of a partial failure (exit 10) carries every item', async () => {
    mockToken()
      .post(`${enterprise}/release`, {consumerList: ['a', 'b']})
      .reply(200, {releasedCount: 1, failed: [{id: 'b', reason: 'Consumer not found.'}]})
    expectJsonShape(
      'license-release.partial-failure',
      await runJson(['license', 'release', '--id', 'a', '--id', 'b', '--yes'], {exit: 10}),
    )
  })

  it('license report: the summary printed after writing the file, enterprise and partner', async () => {
    mockToken()
      .get(`${enterprise}/current`)
      .reply(200, current)
      .get(`${enterprise}/historicalusage`)
      .query(true)
      .reply(200, {historicalUsageList: [historyEntry(monthsAgo(1)), historyEntry(monthsAgo(0))]})
    const enterpriseReport = await runJson([
      'license',
      'report',
      '--out',
      join(temp.dir, 'enterprise.html'),
      '--months',
      '2',
    ])
    mockCwsToken().get('/acme/licenseusagedata').query(true).reply(200, luiReply)
    nock(testApi).get(`${onprem}/customers`).query(true).reply(200, {items: onPremCustomers, continuationToken: null})
    const partnerReport = await runJson([
      'license',
      'report',
      '--out',
      join(temp.dir, 'partner.html'),
      '--months',
      '1',
      '--view',
      'partner-onprem',
    ])
    expectJsonShape('license-report', enterpriseReport, partnerReport)
  })
})
