import type {CitrixClient} from '../../citrix/client.js'
import {removeRegisteredProduct, type RegisteredProduct} from '../../citrix/products.js'
import {bulkRemove, selectByIds, type BulkRunOptions, type RemovalItem, type RemovalReport} from '../bulk-remove.js'
import {findProducts, type ProductFilters} from './list.js'

export interface RemoveProductsOptions extends ProductFilters, BulkRunOptions {
  client: CitrixClient
}

const asItem = (p: RegisteredProduct): RemovalItem & {lastContactAt: string | null} => ({
  id: p.id,
  name: p.hostname,
  product: p.product,
  lastContactAt: p.lastContactAt,
})

export async function removeProducts(options: RemoveProductsOptions): Promise<RemovalReport> {
  const {client, ids, now, ...run} = options
  const {selected, missing} = selectByIds(await findProducts(client, ids?.length ? {} : options, now), ids)
  return bulkRemove({
    ...run,
    kind: 'product',
    selected: selected.map(asItem),
    missing,
    remove: (item) => removeRegisteredProduct(client, item.id),
  })
}
