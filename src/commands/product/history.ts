import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import type {AuditEntry} from '../../services/audit-log.js'

export interface ProductHistoryResult {
  /** Newest first. */
  entries: AuditEntry[]
}

const columns: Array<Column<AuditEntry>> = [
  {header: 'Time', value: (e) => e.time.slice(0, 19).replace('T', ' ')},
  {header: 'Action', value: (e) => `${e.action} ${e.kind}`},
  {header: 'Result', value: (e) => e.result},
  {header: 'Host name', value: (e) => e.hostname},
  {header: 'Product', value: (e) => e.product},
  {header: 'Id', value: (e) => e.id},
  {header: 'Profile', value: (e) => e.profile},
  {header: 'Customer', value: (e) => e.customer},
]

export default class ProductHistory extends BaseCommand<typeof ProductHistory> {
  static summary = 'Show the local audit log: every registration and removal (products and connectors) made with ctx, newest first.'
  static examples = ['<%= config.bin %> product history', '<%= config.bin %> product history --limit 20 --json']
  static flags = {
    limit: Flags.integer({description: 'only the newest N entries', min: 1}),
    csv: Flags.boolean({description: 'CSV instead of a table', exclusive: ['json']}),
  }

  async run(): Promise<ProductHistoryResult> {
    const {readProductHistory} = await import('../../services/product/history.js')
    const entries = await readProductHistory({limit: this.flags.limit})
    if (entries.length > 0) this.log(renderList(columns, entries, {csv: this.flags.csv}))
    else this.note('Nothing registered or removed with ctx yet. Start with `ctx product list`.')
    return {entries}
  }
}
