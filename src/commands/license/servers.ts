import {Flags} from '@oclif/core'

import type {LicenseServerHealth} from '../../citrix/licensing.js'
import {BaseCommand} from '../../cli/base-command.js'
import {listFlags} from '../../cli/list-flags.js'
import {paint} from '../../output/colors.js'
import {renderList} from '../../output/list-format.js'
import {formatCount, plural} from '../../output/numbers.js'
import {formatDay, formatWhen, isoUtc} from '../../output/time.js'
import type {Column} from '../../output/table.js'
import {listLicenseServerHealth, type LicenseServerList} from '../../services/license/servers.js'

export type LicenseServersResult = LicenseServerList

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'yes' : 'no')

// Priorities: what gives way first on a narrow terminal (the highest number first); --wide shows all.
const columns = (now: Date): Array<Column<LicenseServerHealth>> => [
  {header: 'License server', key: 'fqdn', value: (s) => s.fqdn, shrink: 16},
  {
    header: 'Health',
    key: 'issues',
    value: (s) => (s.issues.length === 0 ? 'ok' : s.issues.join(', ')),
    data: (s) => s.issues.join('; '),
    priority: 1,
    shrink: 20,
    wrap: true,
    paint: (s) => (s.issues.length > 0 ? paint.warn : undefined),
  },
  {
    header: 'Stale',
    key: 'stale',
    value: (s) => (s.stale ? 'yes' : 'no'),
    data: (s) => s.stale,
    paint: (s) => (s.stale ? paint.error : undefined),
  },
  {
    header: 'Phoning home',
    key: 'phoningHome',
    value: (s) => yesNo(s.phoningHome),
    data: (s) => s.phoningHome,
    priority: 3,
  },
  {
    header: 'Last phoned home',
    key: 'lastPhoningHome',
    value: (s) => (s.lastPhoningHome ? formatWhen(s.lastPhoningHome, now) : ''),
    data: (s) => isoUtc(s.lastPhoningHome),
    priority: 2,
  },
  {
    header: 'Licenses expire',
    key: 'licenseExpiration',
    value: (s) => (s.licenseExpiration ? formatDay(s.licenseExpiration) : ''),
    data: (s) => isoUtc(s.licenseExpiration),
    priority: 4,
  },
  {header: 'Free', key: 'free', value: (s) => yesNo(s.free), data: (s) => s.free, priority: 5},
]

export default class LicenseServers extends BaseCommand<typeof LicenseServers> {
  static summary = "A partner's on-premises license servers and their health (License Usage Insights)."
  static description =
    'Stale servers are those not phoning home, never reported, not found in the back office, expired or expiring within 90 days, or non-compliant; non-CSP licenses and concurrent licensing are shown too.'
  static examples = [
    '<%= config.bin %> license servers',
    '<%= config.bin %> license servers --stale --csv > stale-servers.csv',
    '<%= config.bin %> license servers --sandbox --json',
  ]
  static flags = {
    stale: Flags.boolean({description: 'only the stale (unhealthy) license servers'}),
    ...listFlags,
  }

  async run(): Promise<LicenseServersResult> {
    const result = await listLicenseServerHealth(await this.citrix(), {staleOnly: this.flags.stale})
    const {csv, wide} = this.flags
    if (csv) {
      this.log(renderList(columns(new Date()), result.servers, {csv}))
    } else if (result.servers.length === 0) {
      this.note(
        result.staleOnly && result.total > 0
          ? `None of the ${result.total} license servers is stale.`
          : 'Citrix reports no license servers for this partner.',
      )
    } else {
      this.log(renderList(columns(new Date()), result.servers, {wide, note: (m) => this.note(m)}))
      this.note(
        `${formatCount(result.servers.filter((s) => s.stale).length)} of ${plural(result.total, 'license server')} ${result.servers.filter((s) => s.stale).length === 1 ? 'is' : 'are'} stale.`,
      )
    }
    return result
  }
}
