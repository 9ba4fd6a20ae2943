import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {connectorTypeLabel, type ConnectorKind} from '../../citrix/connectors.js'
import {connectorFilterFlags} from '../../cli/filter-flags.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {formatWhen} from '../../output/time.js'
import type {ConnectorRow} from '../../services/connector/list.js'

export interface ConnectorListResult {
  connectors: ConnectorRow[]
}

const columns = (now: Date): Array<Column<ConnectorRow>> => [
  {header: 'FQDN', value: (c) => c.fqdn},
  {header: 'Type', value: (c) => connectorTypeLabel(c.type)},
  {header: 'Resource location', value: (c) => c.locationName},
  {header: 'Status', value: (c) => (c.inMaintenance ? `${c.status} (maintenance)` : c.status)},
  {header: 'Version', value: (c) => (c.versionState && c.versionState !== 'Current' ? `${c.version} (${c.versionState})` : c.version)},
  {header: 'Last contact', value: (c) => formatWhen(c.lastContactAt, now)},
  {header: 'Id', value: (c) => c.id},
]

export default class ConnectorList extends BaseCommand<typeof ConnectorList> {
  static summary = 'List the Cloud Connectors and Connector Appliances in the resource locations.'
  static examples = ['<%= config.bin %> connector list', '<%= config.bin %> connector list --resource-location "London DC" --type windows', '<%= config.bin %> connector list --stale 30d --json']
  static flags = {...connectorFilterFlags, csv: Flags.boolean({description: 'CSV instead of a table', exclusive: ['json']})}

  async run(): Promise<ConnectorListResult> {
    const {appliancesMayBeAbsent, listConnectorRows} = await import('../../services/connector/list.js')
    const {'resource-location': resourceLocation, type, name, stale} = this.flags
    const now = new Date()
    const connectors = await listConnectorRows(await this.citrix(), {resourceLocation, type: type as ConnectorKind | undefined, name, stale}, now)
    if (connectors.length > 0) this.log(renderList(columns(now), connectors, {csv: this.flags.csv}))
    else if (type === 'appliance') this.note(`No Connector Appliances match. ${appliancesMayBeAbsent}`)
    else if (resourceLocation || type || name || stale) this.note('No connectors match. Try without the filters: `ctx connector list`.')
    else this.note('No connectors. Register a Connector Appliance with `ctx appliance register`.')
    return {connectors}
  }
}
