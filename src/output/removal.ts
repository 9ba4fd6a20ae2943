import {paint} from './colors.js'
import {renderTable, type Column} from './table.js'
import {formatWhen} from './time.js'
import {plural} from './numbers.js'

// The tables of bulk removal (services/bulk-remove.ts), by the shape of its items and report: output/
// sits below the services and does not import them.

interface RemovalItem {
  id: string
  name: string
  product: string
  /** Shown in the confirmation when the items carry it (connectors). */
  status?: string
  lastContactAt?: string | null
  /** What the user should weigh before going on ("reports Connected"): a warning line each. */
  warnings?: string[]
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

// On a narrow terminal the id gives way first (shortened: `--json` has it whole), then the product; the
// name, status and last contact, which decide, stay.
const itemColumns: Array<Column<RemovalItem>> = [
  {header: 'Name', value: (i) => i.name, shrink: 16},
  {header: 'Product', value: (i) => i.product, priority: 2, shrink: 10},
  {header: 'Id', value: (i) => i.id, priority: 3, shrink: 9},
]

/** The columns that decide (status, last contact with its age), for the items that carry them. */
function decidingColumns<T extends {id: string}>(
  items: RemovalItem[],
  detailOf: (row: T) => RemovalItem | undefined,
  now: Date,
): Array<Column<T>> {
  return [
    ...(items.some((i) => i.status !== undefined)
      ? [{header: 'Status', value: (row: T) => (detailOf(row) ? detailOf(row)!.status || 'unknown' : '')}]
      : []),
    ...(items.some((i) => i.lastContactAt !== undefined)
      ? [
          {
            header: 'Last contact',
            value: (row: T) =>
              detailOf(row)
                ? detailOf(row)!.lastContactAt
                  ? formatWhen(detailOf(row)!.lastContactAt!, now)
                  : 'unknown'
                : '',
          },
        ]
      : []),
  ]
}

/** `Warning: cc-01.tokyo is the last connector of resource location Tokyo`: a line per warning of an item. */
export function removalWarnings(items: RemovalItem[]): string[] {
  return items.flatMap((i) =>
    (i.warnings ?? []).map((warning) => `${paint.warn('Warning:')} ${i.name || i.id} ${warning}.`),
  )
}

/** The exact list a confirmation asks about, with the status and last contact of items that carry them, then their warnings. */
export function renderRemovalPlan(items: RemovalItem[], now = new Date()): string {
  const [name, product, id] = itemColumns as [Column<RemovalItem>, Column<RemovalItem>, Column<RemovalItem>]
  return [
    renderTable([name, product, ...decidingColumns<RemovalItem>(items, (i) => i, now), id], items),
    ...removalWarnings(items),
  ].join('\n')
}

/** One row per item: what happened to it, and why when it failed; a dry run's (given its plan) with the status and last contact too. */
export function renderRemovalReport(report: RemovalReport, plan: RemovalItem[] = [], now = new Date()): string {
  const [name, product, id] = itemColumns as unknown as [
    Column<RemovalOutcome>,
    Column<RemovalOutcome>,
    Column<RemovalOutcome>,
  ]
  // By id, so that a report of 100,000 items with its plan stays linear.
  const planById = new Map(plan.map((item) => [item.id, item]))
  const columns: Array<Column<RemovalOutcome>> = [
    {
      header: 'Result',
      value: (o) => resultLabels[o.result] ?? o.result,
      paint: (o) => (o.result === 'failed' || o.result === 'unknown' ? paint.error : undefined),
    },
    name,
    product,
    ...decidingColumns<RemovalOutcome>(plan, (o) => planById.get(o.id), now),
    id,
    {header: 'Detail', value: (o) => o.error ?? '', priority: 1, shrink: 20, wrap: true},
  ]
  return renderTable(columns, report.items)
}

/** `noun` is singular: `Dry run: 1 connector would be removed`. */
export function removalSummary(report: RemovalReport, noun: string): string {
  if (report.dryRun) {
    const count = report.items.filter((i) => i.result === 'would-remove').length
    return `Dry run: ${plural(count, noun)} would be removed; nothing was changed.`
  }
  const notStarted = report.items.filter((i) => i.result === 'not-started').length
  const unknown = report.items.filter((i) => i.result === 'unknown').length
  const stopped =
    notStarted || unknown
      ? `, not started ${notStarted}${unknown ? `, unknown ${unknown} (in flight when stopped)` : ''}`
      : ''
  return `Removed ${report.removed}, not found ${report.notFound}, failed ${report.failed}${stopped}.`
}
