import {Flags} from '@oclif/core'

import type {LicenseServerHealth} from '../../citrix/licensing.js'
import {BaseCommand} from '../../cli/base-command.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {listLicenseServerHealth, type LicenseServerList} from '../../services/license/servers.js'

export type LicenseServersResult = LicenseServerList

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no')

const columns: Array<Column<LicenseServerHealth>> = [
  {header: 'License server', value: (s) => s.fqdn},
  {header: 'Health', value: (s) => (s.issues.length === 0 ? 'ok' : s.issues.join(', '))},
  {header: 'Stale', value: (s) => (s.stale ? 'yes' : 'no')},
  {header: 'Phoning home', value: (s) => yesNo(s.phoningHome)},
  {header: 'Last phoned home', value: (s) => s.lastPhoningHome ?? ''},
  {header: 'Licenses expire', value: (s) => s.licenseExpiration?.slice(0, 10) ?? ''},
  {header: 'Free', value: (s) => yesNo(s.free)},
]

export default class LicenseServers extends BaseCommand<typeof LicenseServers> {
  static summary = "A partner's on-premises license servers and their health (License Usage Insights)."
  static description = 'Stale servers are those not phoning home, never reported, not found in the back office, expired or expiring within 90 days, or non-compliant; non-CSP licenses and concurrent licensing are shown too.'
  static examples = ['<%= config.bin %> license servers', '<%= config.bin %> license servers --stale --csv > stale-servers.csv', '<%= config.bin %> license servers --sandbox --json']
  static flags = {
    stale: Flags.boolean({description: 'only the stale (unhealthy) license servers'}),
    csv: Flags.boolean({description: 'CSV instead of a table', exclusive: ['json']}),
  }

  async run(): Promise<LicenseServersResult> {
    const result = await listLicenseServerHealth(await this.citrix(), {staleOnly: this.flags.stale})
    if (result.servers.length === 0) {
      this.note(result.staleOnly && result.total > 0 ? `None of the ${result.total} license servers is stale.` : 'Citrix reports no license servers for this partner.')
    } else {
      this.log(renderList(columns, result.servers, {csv: this.flags.csv}))
      if (!this.flags.csv) this.note(`${result.servers.filter((s) => s.stale).length} of ${result.total} license servers are stale.`)
    }
    return result
  }
}
