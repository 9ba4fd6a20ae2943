import type {CitrixClient} from '../../citrix/client.js'
import {removeRegisteredProduct, type RegisteredProduct} from '../../citrix/products.js'
import type {AuditContext} from '../audit-log.js'
import {bulkRemove, selectByIds, type RemovalItem, type RemovalReport} from '../bulk-remove.js'
import {findProducts, type ProductFilters} from './list.js'

export interface RemoveProductsOptions extends ProductFilters {
  client: CitrixClient
  /** Instance ids; when given, the filters are not used. */
  ids?: string[]
  dryRun?: boolean
  concurrency?: number
  confirm: (items: RemovalItem[]) => Promise<boolean>
  signal?: AbortSignal
  audit: AuditContext
  onProgress?: (done: number, total: number) => void
  now?: Date
}

const asItem = (p: RegisteredProduct): RemovalItem & {lastContactAt: string} => ({id: p.id, name: p.hostname, product: p.product, lastContactAt: p.lastContactAt})

export async function removeProductsService(options: RemoveProductsOptions): Promise<RemovalReport> {
  const {client, ids, now, ...run} = options
  const {selected, missing} = selectByIds(await findProducts(client, ids?.length ? {} : options, now), ids)
  return bulkRemove({...run, kind: 'product', selected: selected.map(asItem), missing, remove: (item) => removeRegisteredProduct(client, item.id)})
}
