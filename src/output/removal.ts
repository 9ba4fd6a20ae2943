import {paint} from './colors.js'
import {renderTable, type Column} from './table.js'
import {formatWhen} from './time.js'

// The tables of bulk removal (services/bulk-remove.ts), by the shape of its items and report: output/
// sits below the services and does not import them.

interface RemovalItem {
  id: string
  name: string
  product: string
  /** Shown in the confirmation when the items carry it (connectors). */
  status?: string
  lastContactAt?: string | null
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

/** The exact list a confirmation asks about, with the status and last contact of items that carry them. */
export function renderRemovalPlan(items: RemovalItem[], now = new Date()): string {
  const [name, product, id] = itemColumns as [Column<RemovalItem>, Column<RemovalItem>, Column<RemovalItem>]
  const extra: Array<Column<RemovalItem>> = [
    ...(items.some((i) => i.status !== undefined) ? [{header: 'Status', value: (i: RemovalItem) => i.status || 'unknown'}] : []),
    ...(items.some((i) => i.lastContactAt !== undefined) ? [{header: 'Last contact', value: (i: RemovalItem) => (i.lastContactAt ? formatWhen(i.lastContactAt, now) : 'unknown')}] : []),
  ]
  return renderTable([name, product, ...extra, id], items)
}

/** One row per item: what happened to it, and why when it failed. */
export function renderRemovalReport(report: RemovalReport): string {
  const columns: Array<Column<RemovalOutcome>> = [
    {header: 'Result', value: (o) => resultLabels[o.result] ?? o.result, paint: (o) => (o.result === 'failed' || o.result === 'unknown' ? paint.error : undefined)},
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
