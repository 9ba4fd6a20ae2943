import type {CitrixClient} from '../../citrix/client.js'
import type {LicenseProduct, PartnerCustomer} from '../../citrix/licensing.js'
import type {LicenseView, PartnerView} from '../../config/license-view.js'
import type {UsageMonth} from '../../output/charts/usage-month.js'
import {
  enterpriseFigures,
  partnerDaasFigures,
  partnerOnPremFigures,
  partnerSeriesLabels,
} from '../../output/license-labels.js'
import type {LicenseReportInput} from '../../output/report/license-report.js'
import {checkOutTarget, writeWhole} from '../../output/destination.js'
import {addMonths, formatMonth, monthNumber, parseMonth} from '../../util/months.js'
import {listDaasCustomers, listOnPremCustomers} from './customers.js'
import {getLicenseHistory, toUsageMonth} from './history.js'
import {resolveHistoryRange} from './history-range.js'
import {getEnterpriseSummary, getPartnerSummary, type PartnerSummary} from './summary.js'

/** How many customers each partner table lists. */
export const topCustomerCount = 10

export interface LicenseReportOptions {
  view: LicenseView
  /** Enterprise only: the licensed service. */
  product: LicenseProduct
  /** The last N months, this one included (1–12). */
  months: number
  now?: Date
  /** Told once when the partner directory does not answer (customers then named by org id). */
  warn?: (message: string) => void
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
export async function buildLicenseReportInput(
  client: CitrixClient,
  options: LicenseReportOptions,
): Promise<LicenseReportInput> {
  const now = options.now ?? new Date()
  const range = resolveHistoryRange({months: options.months}, now)
  const generatedAt = now.toISOString()
  if (options.view === 'enterprise') {
    const summary = await getEnterpriseSummary(client, options.product)
    // A concurrent customer has no user/device history (its historicalusage answers 404): the report shows the peaks instead.
    const history =
      summary.licenseModel === 'concurrent'
        ? {months: []}
        : await getLicenseHistory(client, {product: options.product, months: options.months, now})
    return {
      title: `License usage — ${summary.productName}${summary.licenseModel === 'concurrent' ? ' (concurrent)' : ''}`,
      generatedAt,
      view: 'enterprise',
      // The product reported, not the view's default label (which names Citrix DaaS).
      subtitle: `Enterprise — ${summary.productName} user/device licenses`,
      summary: enterpriseFigures(summary),
      months: history.months.map(toUsageMonth),
      expiries: summary.nextExpiry
        ? [{date: day(summary.nextExpiry.date), count: summary.nextExpiry.count, daysLeft: summary.nextExpiry.daysLeft}]
        : [],
    }
  }
  const view = options.view
  const summaries = await partnerSummaries(client, view, range)
  const latest = summaries.at(-1)!
  return {
    title: `Partner license usage — ${range.end}`,
    generatedAt,
    view,
    summary: latest.view === 'partner-onprem' ? partnerOnPremFigures(latest) : partnerDaasFigures(latest),
    months: summaries.map(partnerUsageMonth),
    series: partnerSeriesLabels[view],
    expiries: null,
    ...(await topCustomers(client, view, range.end, options.warn)),
  }
}

/** Builds the report and writes it to `out` atomically (temporary file, then rename). */
export async function writeLicenseReport(
  client: CitrixClient,
  options: LicenseReportOptions & {out: string},
): Promise<LicenseReportResult> {
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

/** One summary call per month, oldest first: the partner calls have no history of their own, only `?month=`. */
async function partnerSummaries(
  client: CitrixClient,
  view: PartnerView,
  range: {start: string; end: string},
): Promise<PartnerSummary[]> {
  const first = parseMonth(range.start)!
  const count = monthNumber(parseMonth(range.end)!) - monthNumber(first) + 1
  const summaries: PartnerSummary[] = []
  for (let i = 0; i < count; i++)
    summaries.push(await getPartnerSummary(client, view, formatMonth(addMonths(first, i))))
  return summaries
}

function partnerUsageMonth(summary: PartnerSummary): UsageMonth {
  return summary.view === 'partner-onprem'
    ? {
        month: summary.month,
        assignedUsers: summary.paidUsers,
        assignedDevices: summary.freeUsers,
        available: summary.totalUsers,
      }
    : {month: summary.month, assignedUsers: summary.users, assignedDevices: 0, available: summary.licenses}
}

/** The top customers by users and by overage; on-premises customers have no overage (they pay per user), so no such table. */
async function topCustomers(
  client: CitrixClient,
  view: PartnerView,
  month: string,
  warn?: (message: string) => void,
): Promise<Pick<LicenseReportInput, 'topCustomersByUse' | 'topCustomersByOverage'>> {
  const top = <C extends PartnerCustomer>(rows: C[], name: (c: C) => string, value: (c: C) => number) =>
    rows
      .filter((c) => value(c) > 0)
      .sort((a, b) => value(b) - value(a) || name(a).localeCompare(name(b)))
      .slice(0, topCustomerCount)
      .map((c) => ({name: name(c), value: value(c)}))
  if (view === 'partner-onprem')
    return {
      topCustomersByUse: top(
        await listOnPremCustomers(client, month),
        (c) => c.accountName,
        (c) => c.totalUsers,
      ),
    }
  const customers = await listDaasCustomers(client, month, warn)
  return {
    topCustomersByUse: top(
      customers,
      (c) => c.customerName,
      (c) => c.totalUsers,
    ),
    topCustomersByOverage: top(
      customers,
      (c) => c.customerName,
      (c) => c.overage,
    ),
  }
}
