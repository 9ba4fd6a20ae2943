import type {CitrixClient} from '../../citrix/client.js'
import {
  getPartnerCloudSummary,
  getPartnerOnPremSummary,
  type LicenseProduct,
  type PartnerCloudCustomerWire,
  type PartnerOnPremCustomerWire,
  type PartnerView,
} from '../../citrix/licensing.js'
import type {SeriesLabels, UsageMonth} from '../../output/charts/usage-month.js'
import type {LicenseReportInput} from '../../output/report/license-report.js'
import {checkOutTarget, writeWhole} from '../../output/destination.js'
import {addMonths, formatMonth, monthNumber, parseMonth} from '../../util/months.js'
import {licenseCustomersService} from './customers.js'
import {toUsageMonth, type PartnerCustomer} from './datasets.js'
import {licenseHistoryService} from './history.js'
import {resolveHistoryRange} from './history-range.js'
import {licenseSummaryService, type EnterpriseSummary, type LicenseView, type PartnerDaasSummary, type PartnerOnPremSummary} from './summary.js'

/** How many customers each partner table lists. */
export const topCustomerCount = 10

export interface LicenseReportOptions {
  view: LicenseView
  /** Enterprise only: the licensed service. */
  product: LicenseProduct
  /** The last N months, this one included (1–12). */
  months: number
  now?: Date
}

export interface LicenseReportResult {
  out: string
  view: LicenseView
  from: string
  to: string
  months: number
  expiries: number
  topCustomersByUse: number
  topCustomersByOverage: number
}

const day = (iso: string) => iso.slice(0, 10)

/** Gathers what the report shows: the summary figures, the months, the next expiries, and for partners the top customers. */
export async function buildLicenseReportInput(client: CitrixClient, options: LicenseReportOptions): Promise<LicenseReportInput> {
  const now = options.now ?? new Date()
  const range = resolveHistoryRange({months: options.months}, now)
  const generatedAt = now.toISOString()
  if (options.view === 'enterprise') {
    const summary = (await licenseSummaryService(client, {view: 'enterprise', product: options.product, month: range.end})) as EnterpriseSummary
    const history = await licenseHistoryService(client, {product: options.product, months: options.months, now})
    return {
      title: `License usage — ${summary.productName}`,
      generatedAt,
      view: 'enterprise',
      summary: enterpriseFigures(summary),
      months: history.months.map(toUsageMonth),
      expiries: summary.nextExpiry ? [{date: day(summary.nextExpiry.date), count: summary.nextExpiry.count, daysLeft: summary.nextExpiry.daysLeft}] : [],
    }
  }
  const view = options.view
  const summaries = await partnerSummaries(client, view, range)
  const customers = await licenseCustomersService(client, {view, month: range.end})
  const latest = summaries.at(-1)!
  return {
    title: `Partner license usage — ${range.end}`,
    generatedAt,
    view,
    summary: latest.view === 'partner-onprem' ? onPremFigures(latest) : daasFigures(latest),
    months: summaries.map(partnerUsageMonth),
    series: partnerSeries[view],
    expiries: null,
    ...topCustomers(view, customers),
  }
}

/** Builds the report and writes it to `out` atomically (temporary file, then rename). */
export async function writeLicenseReport(client: CitrixClient, options: LicenseReportOptions & {out: string}): Promise<LicenseReportResult> {
  // Before the first request: a folder or a missing folder fails at once, not after every call.
  const target = await checkOutTarget(options.out)
  const now = options.now ?? new Date()
  const input = await buildLicenseReportInput(client, {...options, now})
  const {renderLicenseReport} = await import('../../output/report/license-report.js')
  await writeWhole(target, renderLicenseReport(input))
  const range = resolveHistoryRange({months: options.months}, now)
  return {
    out: options.out,
    view: options.view,
    from: range.start,
    to: range.end,
    months: input.months.length,
    expiries: input.expiries?.length ?? 0,
    topCustomersByUse: input.topCustomersByUse?.length ?? 0,
    topCustomersByOverage: input.topCustomersByOverage?.length ?? 0,
  }
}

function enterpriseFigures(summary: EnterpriseSummary): LicenseReportInput['summary'] {
  return [
    {label: 'Service', value: `${summary.productName} (${summary.productEdition})`},
    {label: 'Licenses used', value: summary.used},
    {label: 'by users', value: summary.usedByUsers},
    {label: 'by devices', value: summary.usedByDevices},
    {label: 'Available', value: summary.available},
    {label: 'Remaining', value: summary.remaining},
    {label: 'Released', value: summary.released},
  ]
}

function onPremFigures(summary: PartnerOnPremSummary): LicenseReportInput['summary'] {
  return [
    {label: 'Month', value: summary.month},
    {label: 'Customers', value: summary.customersCount},
    {label: 'Users', value: summary.totalUsers},
    {label: 'Paid users', value: summary.paidUsers},
    {label: 'Free users', value: summary.freeUsers},
    {label: 'License servers', value: summary.licenseServers},
  ]
}

function daasFigures(summary: PartnerDaasSummary): LicenseReportInput['summary'] {
  return [
    {label: 'Month', value: summary.month},
    {label: 'Customers', value: summary.customers},
    {label: 'Licenses', value: summary.licenses},
    {label: 'Users', value: summary.users},
    {label: 'Overage', value: summary.overage},
  ]
}

// The partner figures have no devices and (on-premises) no licenses to exceed, so each view puts its
// own figures in the chart's three places and names them.
const partnerSeries: Record<PartnerView, SeriesLabels> = {
  // Paid and free users stacked; the line is their total: on-premises partners pay per user, with no pool to exceed.
  'partner-onprem': {users: 'Paid users', devices: 'Free users', available: 'Total users'},
  // The customers' users against the licenses they hold together.
  'partner-daas': {users: 'Users', available: 'Licenses'},
}

/** One summary call per month, oldest first: the partner calls have no history of their own, only `?month=`. */
async function partnerSummaries(client: CitrixClient, view: PartnerView, range: {start: string; end: string}): Promise<Array<PartnerOnPremSummary | PartnerDaasSummary>> {
  const first = parseMonth(range.start)!
  const count = monthNumber(parseMonth(range.end)!) - monthNumber(first) + 1
  const summaries: Array<PartnerOnPremSummary | PartnerDaasSummary> = []
  for (let i = 0; i < count; i++) {
    const month = formatMonth(addMonths(first, i))
    summaries.push(view === 'partner-onprem' ? {view, ...(await getPartnerOnPremSummary(client, month))} : {view, ...(await getPartnerCloudSummary(client, month))})
  }
  return summaries
}

function partnerUsageMonth(summary: PartnerOnPremSummary | PartnerDaasSummary): UsageMonth {
  return summary.view === 'partner-onprem'
    ? {month: summary.month, assignedUsers: summary.paidUsers, assignedDevices: summary.freeUsers, available: summary.totalUsers}
    : {month: summary.month, assignedUsers: summary.users, assignedDevices: 0, available: summary.licenses}
}

/** The top customers by users and by overage; on-premises customers have no overage (they pay per user), so no such table. */
function topCustomers(view: PartnerView, customers: PartnerCustomer[]): Pick<LicenseReportInput, 'topCustomersByUse' | 'topCustomersByOverage'> {
  const top = <C extends PartnerCustomer>(rows: C[], name: (c: C) => string, value: (c: C) => number) =>
    rows
      .filter((c) => value(c) > 0)
      .sort((a, b) => value(b) - value(a) || name(a).localeCompare(name(b)))
      .slice(0, topCustomerCount)
      .map((c) => ({name: name(c), value: value(c)}))
  if (view === 'partner-onprem') return {topCustomersByUse: top(customers as PartnerOnPremCustomerWire[], (c) => c.accountName, (c) => c.totalUsers)}
  const cloud = customers as PartnerCloudCustomerWire[]
  return {topCustomersByUse: top(cloud, (c) => c.orgId, (c) => c.totalUsers), topCustomersByOverage: top(cloud, (c) => c.orgId, (c) => c.overage)}
}
