import type {CitrixClient} from '../../citrix/client.js'
import {connectorTypeLabel, deleteConnector} from '../../citrix/connectors.js'
import type {AuditContext} from '../audit-log.js'
import {bulkRemove, type RemovalItem, type RemovalReport} from '../bulk-remove.js'
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
  const {client, ids} = options
  const all = await findConnectors(client, ids?.length ? {} : options, options.now)
  const selected = ids?.length ? all.filter((c) => ids.includes(c.id)) : all
  const missing = ids?.filter((id) => !all.some((c) => c.id === id))
  return bulkRemove({
    kind: 'connector',
    selected: selected.map(asItem),
    missing,
    remove: (item) => deleteConnector(client, item.id),
    dryRun: options.dryRun,
    confirm: options.confirm,
    concurrency: options.concurrency,
    signal: options.signal,
    audit: options.audit,
    onProgress: options.onProgress,
  })
}
