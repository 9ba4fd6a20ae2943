import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {ExitCode} from '../../../../src/errors.js'
import {buildLicenseReportInput, writeLicenseReport} from '../../../../src/services/license/report.js'
import {mockEnterprise, mockPartnerDaas, mockPartnerOnPrem, reportNow} from '../../../fixtures/licensing/report-wire.js'
import {clientFor} from '../../../helpers/citrix.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCredentialsEnv, useNock} from '../../../helpers/nock.js'

const options = {product: 'daas', months: 3, now: reportNow} as const

describe('license report service: the input it builds', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('enterprise: the current figures, the months as users and devices against available, the next expiry', async () => {
    mockEnterprise()
    const input = await buildLicenseReportInput(await clientFor(fakeCredentialsEnv()), {...options, view: 'enterprise'})
    assert.equal(input.title, 'License usage — Citrix DaaS')
    assert.equal(input.generatedAt, '2026-11-24T08:00:00.000Z')
    assert.deepEqual(input.summary.slice(0, 4), [
      {label: 'Service', value: 'Citrix DaaS (Premium)'},
      {label: 'License model', value: 'user/device'},
      {label: 'Licenses used', value: 150},
      {label: 'by users', value: 100},
    ])
    assert.deepEqual(
      input.summary.find((f) => f.label === 'Remaining'),
      {label: 'Remaining', value: -10},
    )
    assert.deepEqual(input.months.at(-1), {month: '2026-11', assignedUsers: 100, assignedDevices: 50, available: 140})
    assert.deepEqual(input.expiries, [{date: '2026-12-10', count: 40, daysLeft: 16}])
    assert.equal(input.series, undefined)
    assert.equal(input.topCustomersByUse, undefined)
  })

  it('partner-daas: one summary per month, users against licenses, the top customers by use and by overage', async () => {
    mockPartnerDaas()
    const input = await buildLicenseReportInput(await clientFor(fakeCredentialsEnv()), {
      ...options,
      view: 'partner-daas',
    })
    assert.deepEqual(
      input.months.map((m) => [m.month, m.assignedUsers, m.assignedDevices, m.available]),
      [
        ['2026-09', 900, 0, 1000],
        ['2026-10', 1000, 0, 1000],
        ['2026-11', 1100, 0, 1000],
      ],
    )
    assert.deepEqual(input.series, {users: 'Users', available: 'Licenses'})
    assert.deepEqual(input.summary, [
      {label: 'Month', value: '2026-11'},
      {label: 'Customers', value: 3},
      {label: 'Licenses', value: 1000},
      {label: 'Users', value: 1100},
      {label: 'Overage', value: 60},
    ])
    assert.deepEqual(
      input.topCustomersByUse?.map((c) => c.name),
      ['org-a', 'org-b', 'org-c'],
    )
    assert.deepEqual(input.topCustomersByOverage, [
      {name: 'org-b', value: 40},
      {name: 'org-c', value: 20},
    ])
    assert.equal(input.expiries, null)
  })

  it('partner-onprem: paid and free users stacked under their total, customers from every page, no overage table', async () => {
    mockPartnerOnPrem()
    const input = await buildLicenseReportInput(await clientFor(fakeCredentialsEnv()), {
      ...options,
      view: 'partner-onprem',
    })
    assert.deepEqual(input.months.at(-1), {month: '2026-11', assignedUsers: 452, assignedDevices: 50, available: 502})
    assert.deepEqual(
      input.summary.find((f) => f.label === 'License servers'),
      {label: 'License servers', value: 2},
    )
    assert.deepEqual(input.series, {users: 'Paid users', devices: 'Free users', available: 'Total users'})
    assert.deepEqual(input.topCustomersByUse, [
      {name: 'Fabrikam', value: 352},
      {name: 'Contoso', value: 150},
    ])
    assert.equal(input.topCustomersByOverage, undefined)
    assert.deepEqual(
      input.summary.map((f) => f.label),
      [
        'Month',
        'Users',
        'Paid users',
        'Free users',
        'License servers',
        'Citrix Virtual Apps and Desktops Premium',
        'Citrix Virtual Apps Standard',
      ],
    )
  })
})

describe('license report service: the file it writes', () => {
  let temp: ReturnType<typeof useTempConfig>
  let dir: string
  beforeEach(() => {
    temp = useTempConfig()
    dir = mkdtempSync(join(tmpdir(), 'ctx-report-'))
  })
  afterEach(() => {
    rmSync(dir, {recursive: true, force: true})
    temp.restore()
  })
  useNock()

  it('replaces an older file with the complete report and leaves no temporary file', async () => {
    const out = join(dir, 'report.html')
    writeFileSync(out, 'old')
    mockEnterprise()
    const result = await writeLicenseReport(await clientFor(fakeCredentialsEnv()), {
      ...options,
      view: 'enterprise',
      out,
    })
    assert.deepEqual(result, {
      out,
      view: 'enterprise',
      from: '2026-09',
      to: '2026-11',
      months: 3,
      expiries: 1,
      topCustomersByUse: 0,
      topCustomersByOverage: 0,
    })
    assert.match(readFileSync(out, 'utf8'), /^<!doctype html>[\s\S]*<svg data-testid="usage-chart"[\s\S]*<\/html>\n$/)
    assert.deepEqual(readdirSync(dir), ['report.html'])
  })

  it('counts the customers of each table in its result', async () => {
    mockPartnerDaas()
    const result = await writeLicenseReport(await clientFor(fakeCredentialsEnv()), {
      ...options,
      view: 'partner-daas',
      out: join(dir, 'p.html'),
    })
    assert.deepEqual(
      [result.months, result.expiries, result.topCustomersByUse, result.topCustomersByOverage],
      [3, 0, 3, 2],
    )
  })

  it('exits 2 naming the file when its folder does not exist, before the first request, and writes nothing', async () => {
    const out = join(dir, 'missing', 'report.html') // no call mocked: none may be made
    await assert.rejects(
      writeLicenseReport(await clientFor(fakeCredentialsEnv()), {...options, view: 'enterprise', out}),
      (error: Error & {exitCode?: number}) => {
        assert.equal(error.exitCode, ExitCode.usage)
        assert.match(error.message, /^Cannot write .*missing\/report\.html: the folder .*missing does not exist\.$/)
        return true
      },
    )
    assert.equal(existsSync(join(dir, 'missing')), false)
  })

  it('exits 2 when --out is a folder, before the first request', async () => {
    await assert.rejects(
      writeLicenseReport(await clientFor(fakeCredentialsEnv()), {...options, view: 'enterprise', out: dir}),
      (error: Error & {exitCode?: number}) => {
        assert.equal(error.exitCode, ExitCode.usage)
        assert.match(error.message, /is a folder/)
        return true
      },
    )
  })

  it('keeps the mode of the report it replaces', async function () {
    if (process.platform === 'win32') this.skip()
    mockEnterprise()
    const out = join(dir, 'kept.html')
    writeFileSync(out, 'old', {mode: 0o640})
    await writeLicenseReport(await clientFor(fakeCredentialsEnv()), {...options, view: 'enterprise', out})
    assert.equal(statSync(out).mode & 0o777, 0o640)
  })

  it('makes a new report 0600', async function () {
    if (process.platform === 'win32') this.skip()
    mockEnterprise()
    const out = join(dir, 'new.html')
    await writeLicenseReport(await clientFor(fakeCredentialsEnv()), {...options, view: 'enterprise', out})
    assert.equal(statSync(out).mode & 0o777, 0o600)
  })
})
