import {paint} from './colors.js'
import {renderTable, type Column} from './table.js'

// The tables of bulk removal (services/bulk-remove.ts), by the shape of its items and report: output/
// sits below the services and does not import them.

interface RemovalItem {
  id: string
  name: string
  product: string
}

interface RemovalOutcome extends RemovalItem {
  result: string
  error?: string
}

interface RemovalReport {
  dryRun: boolean
  items: RemovalOutcome[]
  removed: number
  notFound: number
  failed: number
}

const resultLabels: Record<string, string> = {
  removed: 'removed',
  'not-found': 'not found',
  failed: 'FAILED',
  'would-remove': 'would remove',
  'not-started': 'not started',
  unknown: 'UNKNOWN',
}

const itemColumns: Array<Column<RemovalItem>> = [
  {header: 'Name', value: (i) => i.name},
  {header: 'Product', value: (i) => i.product},
  {header: 'Id', value: (i) => i.id},
]

/** The exact list a confirmation asks about. */
export function renderRemovalPlan(items: RemovalItem[]): string {
  return renderTable(itemColumns, items)
}

/** One row per item: what happened to it, and why when it failed. */
export function renderRemovalReport(report: RemovalReport): string {
  const columns: Array<Column<RemovalOutcome>> = [
    {header: 'Result', value: (o) => resultLabels[o.result] ?? o.result, style: (o) => (o.result === 'failed' || o.result === 'unknown' ? paint.error : undefined)},
    ...(itemColumns as Array<Column<RemovalOutcome>>),
    {header: 'Detail', value: (o) => o.error ?? ''},
  ]
  return renderTable(columns, report.items)
}

export function removalSummary(report: RemovalReport, noun: string): string {
  if (report.dryRun) {
    const count = report.items.filter((i) => i.result === 'would-remove').length
    return `Dry run: ${count} ${noun} would be removed; nothing was changed.`
  }
  const notStarted = report.items.filter((i) => i.result === 'not-started').length
  const unknown = report.items.filter((i) => i.result === 'unknown').length
  const stopped = notStarted || unknown ? `, not started ${notStarted}${unknown ? `, unknown ${unknown} (in flight when stopped)` : ''}` : ''
  return `Removed ${report.removed}, not found ${report.notFound}, failed ${report.failed}${stopped}.`
}
