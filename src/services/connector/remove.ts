import type {CitrixClient} from '../../citrix/client.js'
import {connectorTypeLabel, deleteConnector} from '../../citrix/connectors.js'
import {bulkRemove, selectByIds, type BulkRunOptions, type RemovalItem, type RemovalReport} from '../bulk-remove.js'
import {findConnectors, type ConnectorFilters, type ConnectorRow} from './list.js'

export interface RemoveConnectorsOptions extends ConnectorFilters, BulkRunOptions {
  client: CitrixClient
}

const asItem = (c: ConnectorRow): RemovalItem & {lastContactAt: string | null; status: string; locationName: string} => ({
  id: c.id,
  name: c.fqdn,
  product: connectorTypeLabel(c.type),
  lastContactAt: c.lastContactAt,
  status: c.status,
  locationName: c.locationName,
})

export async function removeConnectors(options: RemoveConnectorsOptions): Promise<RemovalReport> {
  const {client, ids, now, ...run} = options
  const {selected, missing} = selectByIds(await findConnectors(client, ids?.length ? {} : options, now), ids)
  return bulkRemove({...run, kind: 'connector', selected: selected.map(asItem), missing, remove: (item) => deleteConnector(client, item.id)})
}
