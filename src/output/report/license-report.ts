import type {LicenseView} from '../../config/license-view.js'
import {
  assignedTotal,
  defaultSeriesLabels,
  formatCount,
  overage,
  type SeriesLabels,
  type UsageMonth,
} from '../charts/usage-month.js'
import {viewLabels, type LabelledFigure} from '../license-labels.js'
import {escapeHtml} from './escape-html.js'
import {reportStyles} from './report-styles.js'
import {renderUsageSvg} from './usage-svg.js'

/** What the report shows; the licensing services fill it, the renderer only lays it out. */
export interface LicenseReportInput {
  title: string
  /** ISO-8601 */
  generatedAt: string
  view: LicenseView
  /** The line under the title; the view's label when absent (the enterprise view names its product). */
  subtitle?: string
  summary: LabelledFigure[]
  months: UsageMonth[]
  /** What the months' three figures stand for (default: users, devices, available). */
  series?: SeriesLabels
  /** `null` when the view's figures carry no expiry dates (the partner views). */
  expiries: Array<{date: string; count: number; daysLeft: number}> | null
  /** Partner views only; shown in the order given (the caller picks the top ones). No overage table when absent. */
  topCustomersByUse?: Array<{name: string; value: number}>
  topCustomersByOverage?: Array<{name: string; value: number}>
}

/** Expiries this close are highlighted. */
const soonDays = 30

// The page may load nothing at all: this policy makes the browser refuse any script, font, image
// (data: URLs aside), frame or connection, so the file opens the same on an offline machine.
export const contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** One self-contained HTML file: inline CSS, the chart as inline SVG, every text escaped. */
export function renderLicenseReport(input: LicenseReportInput): string {
  const partner = input.view !== 'enterprise'
  const sections = [
    summarySection(input.summary),
    chartSection(input.months, input.series ?? defaultSeriesLabels),
    `<div class="columns">${[
      expiriesSection(input.expiries),
      partner ? customersSection('top-by-use', 'Top customers by use', 'In use', input.topCustomersByUse) : '',
      partner && input.topCustomersByOverage
        ? customersSection('top-by-overage', 'Top customers by overage', 'Over by', input.topCustomersByOverage)
        : '',
    ].join('')}</div>`,
  ]
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${reportStyles}</style>
</head>
<body>
<main data-testid="license-report" data-view="${escapeHtml(input.view)}">
<header><h1 data-testid="report-title">${escapeHtml(input.title)}</h1>
<p class="meta">${escapeHtml(input.subtitle ?? viewLabels[input.view])} · generated <time datetime="${escapeHtml(input.generatedAt)}">${escapeHtml(readableTime(input.generatedAt))}</time></p></header>
${sections.join('\n')}
<footer>Made by ctx. This file is self-contained: it loads nothing from the network.</footer>
</main>
</body>
</html>
`
}

function summarySection(summary: LicenseReportInput['summary']): string {
  const figures = summary.map(
    ({label, value}) =>
      `<div class="figure" data-testid="summary-figure"><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(typeof value === 'number' ? formatCount(value) : value)}</dd></div>`,
  )
  return `<dl class="figures" data-testid="summary">${figures.join('')}</dl>`
}

function chartSection(months: UsageMonth[], labels: SeriesLabels): string {
  type Column = [heading: string, value: (m: UsageMonth) => number]
  const stacked: Column[] =
    labels.devices === undefined
      ? []
      : [
          [labels.devices, (m) => m.assignedDevices],
          ['Total', assignedTotal],
        ]
  const columns: Column[] = [[labels.users, (m) => m.assignedUsers], ...stacked, [labels.available, (m) => m.available]]
  const rows = months.map((m) => {
    const over = overage(m)
    return `<tr><td>${escapeHtml(m.month)}</td>${columns.map(([, value]) => numberCell(value(m))).join('')}<td class="number${over ? ' over' : ''}">${over ? formatCount(over) : '—'}</td></tr>`
  })
  const headings = columns.map(([heading]) => `<th class="number">${escapeHtml(heading)}</th>`).join('')
  const table = `<details><summary>Figures by month</summary><table data-testid="months-table"><thead><tr><th>Month</th>${headings}<th class="number">Over</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`
  return `<section class="card" data-testid="usage"><h2>License use by month</h2>${renderUsageSvg(months, labels)}${months.length > 0 ? table : ''}</section>`
}

function expiriesSection(expiries: LicenseReportInput['expiries']): string {
  if (expiries === null)
    return '<section class="card" data-testid="expiries"><h2>Next expiries</h2><p class="empty">The partner figures carry no expiry dates.</p></section>'
  const rows = expiries.map(
    (e) =>
      `<tr${e.daysLeft <= soonDays ? ' class="soon"' : ''}><td>${escapeHtml(e.date)}</td>${numberCell(e.count)}${numberCell(e.daysLeft)}</tr>`,
  )
  const body = rows.length
    ? `<table><thead><tr><th>Date</th><th class="number">Licenses</th><th class="number">Days left</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p class="empty">No licenses due to expire.</p>'
  return `<section class="card" data-testid="expiries"><h2>Next expiries</h2>${body}</section>`
}

function customersSection(
  testId: string,
  heading: string,
  valueHeading: string,
  customers: Array<{name: string; value: number}> = [],
): string {
  const rows = customers.map(
    (c, i) =>
      `<tr><td class="number">${i + 1}</td><td class="name">${escapeHtml(c.name)}</td>${numberCell(c.value)}</tr>`,
  )
  const body = rows.length
    ? `<table><thead><tr><th class="number">#</th><th>Customer</th><th class="number">${escapeHtml(valueHeading)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p class="empty">No customers to show.</p>'
  return `<section class="card" data-testid="${testId}"><h2>${escapeHtml(heading)}</h2>${body}</section>`
}

function numberCell(value: number): string {
  return `<td class="number">${escapeHtml(formatCount(value))}</td>`
}

/** "2026-11-24T08:05:00Z" → "2026-11-24 08:05 UTC"; anything unparseable is shown as given. */
function readableTime(iso: string): string {
  const time = new Date(iso)
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
