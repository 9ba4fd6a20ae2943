import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {
  getEnterpriseUsage,
  getPartnerDaasFigures,
  getUsageHistory,
  listPartnerOnPremCustomers,
} from '../../../src/citrix/licensing.js'
import {clientFor} from '../../helpers/citrix.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud'
const current = {
  customerId: 'acme',
  totalUsageCount: 150,
  userLicenseUsage: {totalUsageCount: 100, releasedCount: 4},
  deviceLicenseUsage: {totalUsageCount: 50, releasedCount: 1},
  totalAvailableLicenseCount: 200,
  remainingLicenseCount: 50,
  timeStamp: '2026-11-24T08:00:00Z',
  productName: '',
  nextExpiredLicenses: {nextExpiredTime: '2026-12-10T00:00:00Z', totalCount: 40, daysToExpire: 16},
  nextActivatingLicense: null,
  productEdition: 'Premium',
}

describe('licensing client: wire replies mapped to domain shapes', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('maps current usage to the enterprise figures, naming the service when Citrix leaves the name empty', async () => {
    mockToken().get(`${base}/cvad/ud/current`).reply(200, current)
    assert.deepEqual(await getEnterpriseUsage(await clientFor(fakeCredentialsEnv()), 'daas'), {
      product: 'daas',
      productName: 'Citrix DaaS',
      productEdition: 'Premium',
      licenseModel: 'user-device',
      citrixLicenseModel: null,
      userDeviceSplit: true,
      concurrent: null,
      used: 150,
      usedByUsers: 100,
      usedByDevices: 50,
      available: 200,
      remaining: 50,
      released: 5,
      nextExpiry: {date: '2026-12-10T00:00:00Z', count: 40, daysLeft: 16},
      nextActivation: null,
      timeStamp: '2026-11-24T08:00:00Z',
    })
  })

  it('reads Endpoint Management from the observed cloudlicense call, with no user/device split rather than zeros', async () => {
    const {
      userLicenseUsage: _users,
      deviceLicenseUsage: _devices,
      customerId: _c,
      timeStamp: _t,
      nextActivatingLicense: _n,
      ...noSplit
    } = current
    mockToken()
      .get('/acme/cloudlicenseusages/products/xenmobile/current')
      .reply(200, {...noSplit, licenseModel: 'UserDevice'})
    const usage = await getEnterpriseUsage(await clientFor(fakeCredentialsEnv()), 'endpoint-management')
    assert.deepEqual(
      [
        usage.used,
        usage.usedByUsers,
        usage.usedByDevices,
        usage.released,
        usage.userDeviceSplit,
        usage.licenseModel,
        usage.citrixLicenseModel,
      ],
      [150, null, null, null, false, 'total', 'UserDevice'],
    )
  })

  it('falls back to the concurrent summary when user/device answers 404 in the generic licensing shape', async () => {
    mockToken()
      .get(`${base}/cvad/ud/current`)
      .reply(404, {
        type: '404',
        detail: 'resource not found',
        parameters: {name: 'entityType', value: 'UserDeviceLicense'},
      })
      .get('/acme/license/enterprise/cloud/cvad/ccu/summary')
      .query({UsageType: 'device', LicenseModel: 'Concurrent'})
      .reply(200, {
        currentCcu: {totalLicenseCount: 500, assignedLicenseCount: 120, reportTime: '2026-11-24T08:00:00Z'},
        last24HoursPeak: {assignedLicenseCount: 150, reportTime: '2026-11-23T15:00:00Z'},
        monthPeak: {count: 180, time: '2026-11-10T15:00:00Z'},
        allTimePeak: {assignedLicenseCount: 210},
      })
    const usage = await getEnterpriseUsage(await clientFor(fakeCredentialsEnv()), 'daas')
    assert.deepEqual([usage.licenseModel, usage.used, usage.available, usage.remaining], ['concurrent', 120, 500, 380])
    assert.deepEqual(usage.concurrent, {
      current: {count: 120, total: 500, time: '2026-11-24T08:00:00Z'},
      last24HoursPeak: {count: 150, time: '2026-11-23T15:00:00Z'},
      monthPeak: {count: 180, time: '2026-11-10T15:00:00Z'},
      allTimePeak: {count: 210, time: null},
    })
  })

  it('keeps a 404 of user/device when the model was asked for', async () => {
    mockToken()
      .get(`${base}/cvad/ud/current`)
      .reply(404, {type: '404', detail: 'resource not found', parameters: {name: 'entityType', value: 'x'}})
    await assert.rejects(
      getEnterpriseUsage(await clientFor(fakeCredentialsEnv()), 'daas', 'user-device'),
      (error: {exitCode: number}) => error.exitCode === 6,
    )
  })

  it('exits 8 naming the field when the concurrent summary has no currentCcu', async () => {
    mockToken()
      .get('/acme/license/enterprise/cloud/cvad/ccu/summary')
      .query(true)
      .reply(200, {monthPeak: {count: 3}})
    await assert.rejects(
      getEnterpriseUsage(await clientFor(fakeCredentialsEnv()), 'daas', 'concurrent'),
      (error: Error & {exitCode: number}) => error.exitCode === 8 && /currentCcu/.test(error.message),
    )
  })

  it('flattens each month of history, and ignores the legacy list', async () => {
    mockToken()
      .get(`${base}/cvad/ud/historicalusage`)
      .query(true)
      .reply(200, {
        historicalUsageList: [
          {
            timeStamp: '2026-10-01T00:00:00Z',
            totalAvailableLicenseCount: 200,
            userLicenseUsage: {cumulativeAssignedCount: 90, newAssignedCount: 5, releasedCount: 1},
            deviceLicenseUsage: {cumulativeAssignedCount: 40, newAssignedCount: 2, releasedCount: 0},
          },
        ],
        xenAppXenDesktopHistoricalUsageList: [{unexpected: true}],
      })
    assert.deepEqual(await getUsageHistory(await clientFor(fakeCredentialsEnv()), 'daas', '2026-10', '2026-10'), [
      {
        month: '2026-10',
        totalAvailableLicenseCount: 200,
        userCumulativeAssignedCount: 90,
        userNewAssignedCount: 5,
        userReleasedCount: 1,
        deviceCumulativeAssignedCount: 40,
        deviceNewAssignedCount: 2,
        deviceReleasedCount: 0,
      },
    ])
  })

  it('keeps only the documented fields of partner figures and customers', async () => {
    mockToken()
      .get('/licensing/license/partner/cloud/cvad/summary')
      .query({month: '2026-10'})
      .reply(200, {month: '2026-10', customers: 3, licenses: 900, users: 950, overage: 50, internalId: 'x'})
      .get('/licensing/license/partner/onprem/cvad/customers')
      .query(true)
      .reply(200, {
        items: [{accountId: '7001', accountName: 'Contoso', totalUsers: 10, paidUsers: 9, freeUsers: 1, region: 'eu'}],
        continuationToken: null,
      })
    const client = await clientFor(fakeCredentialsEnv())
    assert.deepEqual(await getPartnerDaasFigures(client, '2026-10'), {
      month: '2026-10',
      customers: 3,
      licenses: 900,
      users: 950,
      overage: 50,
    })
    const customers = []
    for await (const page of listPartnerOnPremCustomers(client, '2026-10')) customers.push(...page)
    assert.deepEqual(customers, [
      {accountId: '7001', accountName: 'Contoso', totalUsers: 10, paidUsers: 9, freeUsers: 1},
    ])
  })
})
