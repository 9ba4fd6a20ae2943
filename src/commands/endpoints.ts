import {BaseCommand} from '../cli/base-command.js'
import {renderList} from '../output/list-format.js'
import type {Column} from '../output/table.js'
import {listEndpoints, type EndpointRow, type EndpointTable} from '../services/endpoints.js'

export type EndpointsResult = EndpointTable

const columns: Array<Column<EndpointRow>> = [
  {header: 'Name', value: (e) => e.name},
  {header: 'Method', value: (e) => e.method},
  {header: 'Host', value: (e) => e.host ?? 'not known in this region'},
  {header: 'Path', value: (e) => e.path},
  {header: 'Token', value: (e) => e.protocol},
  {header: 'Mark', value: (e) => e.mark},
]

export default class Endpoints extends BaseCommand<typeof Endpoints> {
  static summary = "Every Citrix host and path ctx calls, for the profile's region (firewalls, proxies)."
  static description = 'Mark: doc (published by Citrix), seen (observed in real traffic) or model (ctx\'s own model). Token: oauth (client_credentials at the region\'s API host), cws (JSON body at trust.citrixworkspacesapi.net, or .us in Gov) or appliance.'
  static examples = ['<%= config.bin %> endpoints', 'CTX_REGION=gov <%= config.bin %> endpoints --json']

  async run(): Promise<EndpointsResult> {
    const settings = await this.settings()
    const table = listEndpoints({region: settings.region, apiUrl: settings.apiUrl})
    this.log(renderList(columns, table.endpoints, {}))
    if (table.apiUrl) this.note(`--api-url is set: every one of these hosts maps to ${table.apiUrl}, paths kept.`)
    return table
  }
}
