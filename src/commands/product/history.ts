import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {listFlags} from '../../cli/list-flags.js'
import {paint} from '../../output/colors.js'
import {renderList} from '../../output/list-format.js'
import {formatWhen, isoUtc} from '../../output/time.js'
import type {Column} from '../../output/table.js'
import type {AuditEntry} from '../../services/audit-log.js'

export interface ProductHistoryResult {
  /** Newest first. */
  entries: AuditEntry[]
}

const failed = (e: AuditEntry) => (e.result === 'failed' || e.result === 'unknown' ? paint.error : undefined)

// Priorities: what gives way first on a narrow terminal (the highest number first); --wide shows all.
const columns = (now: Date): Array<Column<AuditEntry>> => [
  {header: 'Time', key: 'time', value: (e) => formatWhen(e.time, now), data: (e) => isoUtc(e.time)},
  {header: 'Action', key: 'action', value: (e) => `${e.action} ${e.kind}`, data: (e) => e.action},
  {header: 'Kind', key: 'kind', value: (e) => e.kind, csvOnly: true},
  {header: 'Result', key: 'result', value: (e) => e.result, paint: failed},
  {header: 'Host name', key: 'hostname', value: (e) => e.hostname, shrink: 14},
  {header: 'Product', key: 'product', value: (e) => e.product, priority: 4, shrink: 12},
  {header: 'Id', key: 'id', value: (e) => e.id, priority: 5, shrink: 9},
  {header: 'Profile', key: 'profile', value: (e) => e.profile, priority: 6},
  {header: 'Customer', key: 'customer', value: (e) => e.customer, priority: 7},
  {header: 'Error', key: 'error', value: (e) => e.error ?? '', priority: 3, shrink: 16, paint: failed},
]

export default class ProductHistory extends BaseCommand<typeof ProductHistory> {
  static summary =
    'Show the local audit log: every registration and removal (products and connectors) made with ctx, newest first.'
  static description = 'With --profile, only what was done with that profile (the log is shared by all profiles).'
  static examples = [
    '<%= config.bin %> product history',
    '<%= config.bin %> product history --action remove --since 7d',
    '<%= config.bin %> product history --profile prod --csv > history.csv',
    '<%= config.bin %> product history --limit 20 --json',
  ]
  static flags = {
    action: Flags.string({description: 'only registrations or only removals', options: ['register', 'remove']}),
    since: Flags.string({description: 'only entries since this date (2026-11-01) or for this long (7d, 12h)'}),
    limit: Flags.integer({description: 'only the newest N entries', min: 1}),
    ...listFlags,
  }

  async run(): Promise<ProductHistoryResult> {
    const {readProductHistory} = await import('../../services/product/history.js')
    const now = new Date()
    const {action, since, limit, profile, csv, wide} = this.flags
    const entries = await readProductHistory(
      {action: action as AuditEntry['action'] | undefined, since, profile, limit},
      now,
    )
    if (entries.length > 0 || csv) this.log(renderList(columns(now), entries, {csv, wide, note: (m) => this.note(m)}))
    else if (action || since || profile) this.note('No entries match. Try without the filters: `ctx product history`.')
    else this.note('Nothing registered or removed with ctx yet. Start with `ctx product list`.')
    return {entries}
  }
}
