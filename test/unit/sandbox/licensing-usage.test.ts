import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {CitrixClient} from '../../../src/citrix/client.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import {getCurrentUsageWire, getHistoricalUsageWire} from '../../../src/citrix/licensing.js'
import {CitrixApiError} from '../../../src/errors.js'
import {addMonths, formatMonth, monthOf} from '../../../src/util/months.js'
import {clientFor} from '../../helpers/citrix.js'
import {useTempConfig} from '../../helpers/env.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

const monthsAgo = (n: number) => formatMonth(addMonths(monthOf(new Date()), -n))

describe('sandbox: current usage, history and partner figures', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let client: CitrixClient
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox()
    client = await clientFor(sandbox.env)
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('serves current usage for each of the four products', async () => {
    for (const product of ['daas', 'daas-azure', 'endpoint-management', 'secure-private-access'] as const) {
      const current = await getCurrentUsageWire(client, product)
      assert.equal(
        current.totalUsageCount,
        current.userLicenseUsage.totalUsageCount + current.deviceLicenseUsage.totalUsageCount,
      )
      assert.equal(current.remainingLicenseCount, current.totalAvailableLicenseCount - current.totalUsageCount)
    }
  })

  it('serves twelve months of history ending this month', async () => {
    const months = await getHistoricalUsageWire(client, 'daas', monthsAgo(11), monthsAgo(0))
    assert.equal(months.length, 12)
    assert.equal(months[11]?.timeStamp.slice(0, 7), monthsAgo(0))
  })

  it('answers 204 for months before a product has history', async () => {
    const {status, body} = await client.call(endpoints.licenseHistoricalUsage, {
      params: {product: 'secureworkspaceaccess'},
      query: {startDate: monthsAgo(8), endDate: monthsAgo(6)},
    })
    assert.equal(status, 204)
    assert.equal(body, undefined)
  })

  it('answers a bad time format with the 400 whose error_description is a JSON string', async () => {
    const {accessToken} = await client.accessToken()
    const response = await fetch(
      `${sandbox.url}/licensing/license/enterprise/cloud/cvad/ud/historicalusage?startDate=2026-1&endDate=2026-03`,
      {
        headers: {
          authorization: `CwsAuth Bearer=${accessToken}`,
          'citrix-customerid': 'sandboxcustomer',
          accept: 'application/json',
        },
      },
    )
    assert.equal(response.status, 400)
    assert.deepEqual(await response.json(), {
      error_description: '{"Code":400,"Message":"Invalid time format.","Details":"Invalid time format."}',
    })
  })

  it('answers a start later than the end with the documented message', async () => {
    await assert.rejects(
      getHistoricalUsageWire(client, 'daas', monthsAgo(1), monthsAgo(3)),
      (error: CitrixApiError) => error.detail === "StartDate can't be later than EndDate.",
    )
  })

  it('answers 404 licensing/notFound for a product the customer is not entitled to', async () => {
    await sandbox.store.update((state) => (state.licensing.entitledProducts = ['cvad']))
    try {
      await assert.rejects(
        getCurrentUsageWire(client, 'daas-azure'),
        (error: CitrixApiError) =>
          error.status === 404 &&
          error.errorType === 'https://errors-api.cloud.com/licensing/notFound' &&
          error.exitCode === 6,
      )
    } finally {
      await sandbox.store.update((state) => delete state.licensing.entitledProducts)
    }
  })

  it('refuses a partner month older than 12 months with 400 common/outOfRange', async () => {
    await assert.rejects(
      client.call(endpoints.partnerCloudSummary, {query: {month: monthsAgo(13)}}),
      (error: CitrixApiError) =>
        error.status === 400 && error.errorType === 'https://errors-api.cloud.com/common/outOfRange',
    )
  })

  it('serves the modelled partner customers over every page', async () => {
    const customers: Array<{totalUsers: number}> = []
    for await (const page of client.pages<{totalUsers: number}>(endpoints.partnerOnPremCustomers, {
      query: {month: monthsAgo(2)},
      limit: 15,
    }))
      customers.push(...page)
    assert.equal(customers.length, 40)
  })

  it('serves License Usage Insights whose servers are those of the license server list that ever reported', async () => {
    const {body: usage} = await client.call<{
      skus: Array<{features: Array<{licenseServerUsages: Array<{fqdn: string}>}>}>
    }>(endpoints.licenseUsageData, {query: {date: monthsAgo(2)}})
    const {body: servers} = await client.call<{licenseServersStatus: Array<{fqdn: string; isEverReported: boolean}>}>(
      endpoints.licenseServers,
    )
    const reporting = new Set(
      usage!.skus.flatMap((s) => s.features.flatMap((f) => f.licenseServerUsages.map((u) => u.fqdn))),
    )
    assert.deepEqual(
      [...reporting].sort(),
      servers!.licenseServersStatus
        .filter((s) => s.isEverReported)
        .map((s) => s.fqdn)
        .sort(),
    )
  })
})
