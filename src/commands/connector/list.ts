import {BaseCommand} from '../../cli/base-command.js'
import {connectorTypeLabel, type ConnectorKind} from '../../citrix/connectors.js'
import {connectorFilterFlags} from '../../cli/filter-flags.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {formatWhen, isoUtc, olderThan} from '../../output/time.js'
import {paint} from '../../output/colors.js'
import {listFlags} from '../../cli/list-flags.js'
import type {ConnectorRow} from '../../services/connector/list.js'

export interface ConnectorListResult {
  connectors: ConnectorRow[]
}

// Priorities: what gives way first on a narrow terminal (the highest number first); --wide shows all.
const columns = (now: Date): Array<Column<ConnectorRow>> => [
  {header: 'FQDN', key: 'fqdn', value: (c) => c.fqdn, shrink: 16},
  {header: 'Type', key: 'type', value: (c) => connectorTypeLabel(c.type), data: (c) => c.type, priority: 4},
  {header: 'Resource location', key: 'locationName', value: (c) => c.locationName, priority: 2, shrink: 10},
  {
    header: 'Status',
    key: 'status',
    value: (c) => (c.inMaintenance ? `${c.status} (maintenance)` : c.status),
    data: (c) => c.status,
    paint: (c) => (c.status === 'Connected' ? undefined : c.status === 'Disconnected' ? paint.error : paint.warn),
  },
  {
    header: 'Version',
    key: 'version',
    value: (c) => (c.versionState && c.versionState !== 'Current' ? `${c.version} (${c.versionState})` : c.version),
    data: (c) => c.version,
    priority: 5,
  },
  {
    header: 'Last contact',
    key: 'lastContactAt',
    value: (c) => formatWhen(c.lastContactAt, now),
    data: (c) => isoUtc(c.lastContactAt),
    paint: (c) => (olderThan(c.lastContactAt, 30, now) ? paint.warn : undefined),
  },
  {header: 'Id', key: 'id', value: (c) => c.id, priority: 3, shrink: 9},
  {header: 'Location id', key: 'location', value: (c) => c.location, csvOnly: true},
  {header: 'In maintenance', key: 'inMaintenance', value: (c) => c.inMaintenance, csvOnly: true},
  {header: 'Version state', key: 'versionState', value: (c) => c.versionState, csvOnly: true},
]

export default class ConnectorList extends BaseCommand<typeof ConnectorList> {
  static summary = 'List the Cloud Connectors and Connector Appliances in the resource locations.'
  static examples = [
    '<%= config.bin %> connector list',
    '<%= config.bin %> connector list --resource-location "London DC" --type windows',
    '<%= config.bin %> connector list --stale 30d --json',
  ]
  static flags = {...connectorFilterFlags, ...listFlags}

  async run(): Promise<ConnectorListResult> {
    const {appliancesMayBeAbsent, listConnectorRows} = await import('../../services/connector/list.js')
    const {'resource-location': resourceLocation, type, name, stale} = this.flags
    const now = new Date()
    const connectors = await listConnectorRows(
      await this.citrix(),
      {resourceLocation, type: type as ConnectorKind | undefined, name, stale},
      now,
    )
    if (connectors.length > 0 || this.flags.csv)
      this.log(
        renderList(columns(now), connectors, {csv: this.flags.csv, wide: this.flags.wide, note: (m) => this.note(m)}),
      )
    else if (type === 'appliance') this.note(`No Connector Appliances match. ${appliancesMayBeAbsent}`)
    else if (resourceLocation || type || name || stale)
      this.note('No connectors match. Try without the filters: `ctx connector list`.')
    else this.note('No connectors. Register a Connector Appliance with `ctx appliance register`.')
    return {connectors}
  }
}
