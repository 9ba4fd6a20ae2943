import type {CitrixClient} from '../../citrix/client.js'
import {listRegisteredProducts, productKinds, type ProductKind, type RegisteredProduct} from '../../citrix/products.js'
import {matchesFilters, type SelectionFilters} from '../selection.js'

export const productSortKeys = ['name', 'product', 'last-contact', 'registered'] as const
export type ProductSortKey = (typeof productSortKeys)[number]

export interface ProductFilters extends SelectionFilters {
  product?: ProductKind
}

const comparators: Record<ProductSortKey, (a: RegisteredProduct, b: RegisteredProduct) => number> = {
  name: (a, b) => a.hostname.localeCompare(b.hostname),
  product: (a, b) => a.service.localeCompare(b.service) || a.hostname.localeCompare(b.hostname),
  // Oldest contact first: the stalest servers lead.
  'last-contact': (a, b) => a.lastContactAt.localeCompare(b.lastContactAt),
  registered: (a, b) => a.registeredAt.localeCompare(b.registeredAt),
}

/** Every registration (all pages), then the filters of `--product`, `--name` and `--stale`. */
export async function findProducts(client: CitrixClient, filters: ProductFilters, now = new Date()): Promise<RegisteredProduct[]> {
  const matches = matchesFilters(filters, now)
  const service = filters.product ? productKinds[filters.product] : undefined
  const found: RegisteredProduct[] = []
  for await (const page of listRegisteredProducts(client)) {
    found.push(...page.filter((p) => (!service || p.service === service) && matches({name: p.hostname, lastContactAt: p.lastContactAt})))
  }
  return found
}

export async function listProducts(client: CitrixClient, options: ProductFilters & {sort?: ProductSortKey}, now = new Date()): Promise<RegisteredProduct[]> {
  const products = await findProducts(client, options, now)
  return products.sort(comparators[options.sort ?? 'name'])
}
