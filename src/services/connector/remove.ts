import type {CitrixClient} from '../../citrix/client.js'
import {connectorTypeLabel, deleteConnector, listConnectors, type Connector} from '../../citrix/connectors.js'
import {bulkRemove, selectByIds, type BulkRunOptions, type RemovalItem, type RemovalReport} from '../bulk-remove.js'
import {findConnectors, type ConnectorFilters, type ConnectorRow} from './list.js'

export interface RemoveConnectorsOptions extends ConnectorFilters, BulkRunOptions {
  client: CitrixClient
}

export type ConnectorRemovalItem = RemovalItem & {
  lastContactAt: string | null
  status: string
  locationName: string
  warnings: string[]
}

const asItem = (c: ConnectorRow, warnings: string[]): ConnectorRemovalItem => ({
  id: c.id,
  name: c.fqdn,
  product: connectorTypeLabel(c.type),
  lastContactAt: c.lastContactAt,
  status: c.status,
  locationName: c.locationName,
  warnings,
})

/** What the confirmation warns about: a connector that says it is working, or the last one its resource location has. */
export function connectorWarnings(
  connector: ConnectorRow,
  selected: ConnectorRow[],
  everyConnector: Connector[],
): string[] {
  const warnings: string[] = []
  if (connector.status === 'Connected') warnings.push('reports Connected')
  const keeps = everyConnector.some(
    (other) => other.location === connector.location && !selected.some((s) => s.id === other.id),
  )
  if (!keeps) warnings.push(`is the last connector of resource location ${connector.locationName}`)
  return warnings
}

export async function removeConnectors(options: RemoveConnectorsOptions): Promise<RemovalReport> {
  const {client, ids, now, ...run} = options
  let listed: Connector[] = []
  const {selected, missing} = selectByIds(
    await findConnectors(client, ids?.length ? {} : options, now, (connectors) => (listed = connectors)),
    ids,
  )
  // With --type, Citrix listed that type only: a location's connectors of the other type are read too.
  const everyConnector = !ids?.length && options.type && selected.length > 0 ? await listConnectors(client) : listed
  const items = selected.map((c) => asItem(c, connectorWarnings(c, selected, everyConnector)))
  return bulkRemove({
    ...run,
    kind: 'connector',
    selected: items,
    missing,
    remove: (item) => deleteConnector(client, item.id),
  })
}
