import type {CitrixClient} from '../../citrix/client.js'
import {connectorTypeLabel, deleteConnector} from '../../citrix/connectors.js'
import type {AuditContext} from '../audit-log.js'
import {bulkRemove, selectByIds, type RemovalItem, type RemovalReport} from '../bulk-remove.js'
import {findConnectors, type ConnectorFilters, type ConnectorRow} from './list.js'

export interface RemoveConnectorsOptions extends ConnectorFilters {
  client: CitrixClient
  /** Connector ids; when given, the filters are not used. */
  ids?: string[]
  dryRun?: boolean
  concurrency?: number
  confirm: (items: RemovalItem[]) => Promise<boolean>
  signal?: AbortSignal
  audit: AuditContext
  onProgress?: (done: number, total: number) => void
  now?: Date
}

const asItem = (c: ConnectorRow): RemovalItem & {lastContactAt: string; status: string; locationName: string} => ({
  id: c.id,
  name: c.fqdn,
  product: connectorTypeLabel(c.type),
  lastContactAt: c.lastContactAt,
  status: c.status,
  locationName: c.locationName,
})

export async function removeConnectorsService(options: RemoveConnectorsOptions): Promise<RemovalReport> {
  const {client, ids, now, ...run} = options
  const {selected, missing} = selectByIds(await findConnectors(client, ids?.length ? {} : options, now), ids)
  return bulkRemove({...run, kind: 'connector', selected: selected.map(asItem), missing, remove: (item) => deleteConnector(client, item.id)})
}
