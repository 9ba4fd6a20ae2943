import {BaseCommand} from '../../cli/base-command.js'
import {licenseProducts, type HistoryMonth} from '../../citrix/licensing.js'
import {asProduct, historyFlags, productFlag} from '../../cli/license-flags.js'
import {renderUsageChart, shouldDrawChart} from '../../output/charts/bar-chart.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {getLicenseHistory, toUsageMonth, type LicenseHistory} from '../../services/license/history.js'

export interface LicenseHistoryResult {
  history: LicenseHistory
}

const columns: Array<Column<HistoryMonth>> = [
  {header: 'Month', value: (m) => m.month},
  {header: 'Available', value: (m) => m.totalAvailableLicenseCount},
  {header: 'Users', value: (m) => m.userCumulativeAssignedCount},
  {header: 'New users', value: (m) => m.userNewAssignedCount},
  {header: 'Released users', value: (m) => m.userReleasedCount},
  {header: 'Devices', value: (m) => m.deviceCumulativeAssignedCount},
  {header: 'New devices', value: (m) => m.deviceNewAssignedCount},
  {header: 'Released devices', value: (m) => m.deviceReleasedCount},
]

export default class LicenseHistoryCommand extends BaseCommand<typeof LicenseHistoryCommand> {
  static summary = 'Monthly license usage against the licenses available, up to 12 months back.'
  static description = 'On a terminal a bar chart of the months follows the table (never under --json or when piped).'
  static examples = ['<%= config.bin %> license history', '<%= config.bin %> license history --months 3', '<%= config.bin %> license history --from 2026-01 --to 2026-06 --json']
  static flags = {product: productFlag, ...historyFlags}

  async run(): Promise<LicenseHistoryResult> {
    const product = asProduct(this.flags.product)
    const history = await getLicenseHistory(await this.citrix(), {product, months: this.flags.months, from: this.flags.from, to: this.flags.to})
    if (history.months.length === 0) {
      this.note(`No usage recorded for ${licenseProducts[product].name} from ${history.from} to ${history.to} (Citrix has no data for these months).`)
    } else {
      this.log(renderList(columns, history.months, {}))
      if (shouldDrawChart({json: this.jsonEnabled(), isTTY: Boolean(process.stdout.isTTY)})) {
        this.log(`\n${renderUsageChart(history.months.map(toUsageMonth), {width: process.stdout.columns || undefined})}`)
      }
    }
    return {history}
  }
}
