import {BaseCommand} from '../cli/base-command.js'
import {listFlags} from '../cli/list-flags.js'
import {renderList} from '../output/list-format.js'
import type {Column} from '../output/table.js'
import {listEndpoints, type EndpointRow, type EndpointTable} from '../services/endpoints.js'

export type EndpointsResult = EndpointTable

const columns: Array<Column<EndpointRow>> = [
  {header: 'Name', key: 'name', value: (e) => e.name, priority: 3, shrink: 14},
  {header: 'Method', key: 'method', value: (e) => e.method},
  {header: 'Host', key: 'host', value: (e) => e.host ?? 'not known in this region', data: (e) => e.host},
  {header: 'Path', key: 'path', value: (e) => e.path, shrink: 20, wrap: true},
  {header: 'Token', key: 'protocol', value: (e) => e.protocol, priority: 2},
  {header: 'Mark', key: 'mark', value: (e) => e.mark, priority: 1},
]

export default class Endpoints extends BaseCommand<typeof Endpoints> {
  static summary = "Every Citrix host and path ctx calls, for the profile's region (firewalls, proxies)."
  static description =
    "Mark: doc (published by Citrix), seen (observed in real traffic) or model (ctx's own model). Token: oauth (client_credentials at the region's API host), cws (JSON body at trust.citrixworkspacesapi.net, or .us in Gov) or appliance."
  static examples = [
    '<%= config.bin %> endpoints',
    'CTX_REGION=gov <%= config.bin %> endpoints --json',
    '<%= config.bin %> endpoints --csv > firewall.csv',
  ]
  static flags = {...listFlags}

  async run(): Promise<EndpointsResult> {
    const settings = await this.settings()
    const table = listEndpoints({region: settings.region, apiUrl: settings.apiUrl})
    this.log(
      renderList(columns, table.endpoints, {csv: this.flags.csv, wide: this.flags.wide, note: (m) => this.note(m)}),
    )
    if (table.apiUrl) this.note(`--api-url is set: every one of these hosts maps to ${table.apiUrl}, paths kept.`)
    return table
  }
}
