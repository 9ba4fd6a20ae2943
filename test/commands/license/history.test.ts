import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {addMonths, formatMonth, monthOf} from '../../../src/util/months.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'

const path = '/licensing/license/enterprise/cloud/cvad/ud/historicalusage'
const monthsAgo = (n: number) => formatMonth(addMonths(monthOf(new Date()), -n))
const counts = {cumulativeAssignedCount: 90, newAssignedCount: 5, releasedCount: 1}
const entry = (month: string) => ({
  timeStamp: `${month}-01T00:00:00Z`,
  totalAvailableLicenseCount: 120,
  userLicenseUsage: counts,
  deviceLicenseUsage: counts,
})

/** Runs with process.stdout.isTTY set as given (the command asks it whether to draw the chart). */
async function withStdoutTTY<T>(isTTY: boolean, run: () => Promise<T>): Promise<T> {
  const saved = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY')
  Object.defineProperty(process.stdout, 'isTTY', {value: isTTY, configurable: true})
  try {
    return await run()
  } finally {
    if (saved) Object.defineProperty(process.stdout, 'isTTY', saved)
    else delete (process.stdout as {isTTY?: boolean}).isTTY
  }
}

const chartHeading = 'Assigned licenses by month (users + devices) against available'

describe('ctx license history', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('shows one row per month, asking for the last 12 months by default', async () => {
    mockToken()
      .get(path)
      .query({startDate: monthsAgo(11), endDate: monthsAgo(0)})
      .reply(200, {historicalUsageList: [entry(monthsAgo(1)), entry(monthsAgo(0))]})
    const {stdout, error} = await runCommand(['license', 'history'])
    assert.equal(error, undefined)
    assert.match(stdout, new RegExp(`${monthsAgo(1)}\\s+│ 120`))
  })

  it('says plainly that there is no data when Citrix answers 204, and exits 0', async () => {
    mockToken().get(path).query(true).reply(204)
    const {stderr, stdout, error} = await runCommand(['license', 'history', '--months', '3'])
    assert.equal(error, undefined)
    assert.equal(stdout, '')
    assert.match(stderr, /No usage recorded for Citrix DaaS from .* \(Citrix has no data for these months\)/)
  })

  it('returns an empty list of months under --json when there is no data', async () => {
    mockToken().get(path).query(true).reply(204)
    const {stdout} = await runCommand(['license', 'history', '--json'])
    assert.deepEqual((JSON.parse(stdout) as {history: {months: unknown[]}}).history.months, [])
  })

  it("exits 2 with Citrix's message when it refuses the time format", async () => {
    mockToken()
      .get(path)
      .query({startDate: '2026-1', endDate: '2026-03'})
      .reply(400, {error_description: '{"Code":400,"Message":"Invalid time format.","Details":"Invalid time format."}'})
    const {error, stderr} = await runCommand(['license', 'history', '--from', '2026-1', '--to', '2026-03'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Citrix Cloud answered 400: Invalid time format\./)
  })

  it('refuses more than 12 months back with exit 2 before any call', async () => {
    const {error, stderr} = await runCommand(['license', 'history', '--from', monthsAgo(12)])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /more than 12 months back/)
  })

  it('refuses --months 13 with exit 2', async () => {
    const {error} = await runCommand(['license', 'history', '--months', '13'])
    assert.equal(error?.oclif?.exit, 2)
  })

  it('draws the bar chart under the table on a terminal, in plain characters without colour', async () => {
    mockToken()
      .get(path)
      .query(true)
      .reply(200, {historicalUsageList: [entry(monthsAgo(1)), entry(monthsAgo(0))]})
    const {stdout} = await withStdoutTTY(true, () => runCommand(['license', 'history', '--months', '2']))
    assert.ok(stdout.indexOf(chartHeading) > stdout.indexOf(monthsAgo(0)), 'the chart follows the table')
    assert.match(stdout, new RegExp(`${monthsAgo(0)} ! #+=+\\|?=* +180 / 120  \\+60`))
  })

  it('draws no chart when stdout is piped', async () => {
    mockToken()
      .get(path)
      .query(true)
      .reply(200, {historicalUsageList: [entry(monthsAgo(0))]})
    const {stdout} = await withStdoutTTY(false, () => runCommand(['license', 'history', '--months', '1']))
    assert.match(stdout, /Month/)
    assert.ok(!stdout.includes(chartHeading))
  })

  it('draws no chart under --json, even on a terminal', async () => {
    mockToken()
      .get(path)
      .query(true)
      .reply(200, {historicalUsageList: [entry(monthsAgo(0))]})
    const {stdout} = await withStdoutTTY(true, () => runCommand(['license', 'history', '--months', '1', '--json']))
    assert.equal((JSON.parse(stdout) as {history: {months: unknown[]}}).history.months.length, 1)
  })
})
