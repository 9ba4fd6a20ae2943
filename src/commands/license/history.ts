import {BaseCommand} from '../../cli/base-command.js'
import {licenseProducts, type HistoryMonth} from '../../citrix/licensing.js'
import {asProduct, historyFlags, productFlag} from '../../cli/license-flags.js'
import {renderUsageChart, shouldDrawChart} from '../../output/charts/bar-chart.js'
import {renderList} from '../../output/list-format.js'
import {formatCount} from '../../output/numbers.js'
import {listFlags} from '../../cli/list-flags.js'
import type {Column} from '../../output/table.js'
import {getLicenseHistory, toUsageMonth, type LicenseHistory} from '../../services/license/history.js'

export interface LicenseHistoryResult {
  history: LicenseHistory
}

const count = (header: string, key: keyof HistoryMonth & string, priority?: number): Column<HistoryMonth> => ({
  header,
  key,
  value: (m) => formatCount(m[key] as number),
  data: (m) => m[key] as number,
  priority,
})

// Priorities: what gives way first on a narrow terminal (the highest number first); --wide shows all.
const columns: Array<Column<HistoryMonth>> = [
  {header: 'Month', key: 'month', value: (m) => m.month},
  count('Available', 'totalAvailableLicenseCount'),
  count('Users', 'userCumulativeAssignedCount'),
  count('New users', 'userNewAssignedCount', 2),
  count('Released users', 'userReleasedCount', 4),
  count('Devices', 'deviceCumulativeAssignedCount', 1),
  count('New devices', 'deviceNewAssignedCount', 3),
  count('Released devices', 'deviceReleasedCount', 5),
]

export default class LicenseHistoryCommand extends BaseCommand<typeof LicenseHistoryCommand> {
  static summary = 'Monthly license usage against the licenses available, up to 12 months back.'
  static description = 'On a terminal a bar chart of the months follows the table (never under --json or when piped).'
  static examples = [
    '<%= config.bin %> license history',
    '<%= config.bin %> license history --months 3',
    '<%= config.bin %> license history --from 2026-01 --to 2026-06 --json',
  ]
  static flags = {product: productFlag, ...historyFlags, ...listFlags}

  async run(): Promise<LicenseHistoryResult> {
    const product = asProduct(this.flags.product)
    const history = await getLicenseHistory(await this.citrix(), {
      product,
      months: this.flags.months,
      from: this.flags.from,
      to: this.flags.to,
    })
    const {csv, wide} = this.flags
    if (csv) {
      this.log(renderList(columns, history.months, {csv}))
    } else if (history.months.length === 0) {
      this.note(
        `No usage recorded for ${licenseProducts[product].name} from ${history.from} to ${history.to} (Citrix has no data for these months).`,
      )
    } else {
      this.log(renderList(columns, history.months, {wide, note: (m) => this.note(m)}))
      if (shouldDrawChart({json: this.jsonEnabled(), isTTY: Boolean(process.stdout.isTTY)})) {
        this.log(
          `\n${renderUsageChart(history.months.map(toUsageMonth), {width: process.stdout.columns || undefined})}`,
        )
      }
    }
    return {history}
  }
}
