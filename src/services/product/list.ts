import type {CitrixClient} from '../../citrix/client.js'
import {listRegisteredProducts, productKinds, type ProductKind, type RegisteredProduct} from '../../citrix/products.js'
import {UsageError} from '../../errors.js'
import {checkResolution, parseDnsServer, readHostList} from '../host-resolution.js'
import {matchesFilters, type SelectionFilters} from '../selection.js'
import {plural} from '../../output/numbers.js'

export const productSortKeys = ['name', 'product', 'last-contact', 'registered'] as const
export type ProductSortKey = (typeof productSortKeys)[number]

export interface ProductFilters extends SelectionFilters {
  product?: ProductKind
  /** `--hosts-from`: a file of host names, one a line, or `-` for stdin (read here, before Citrix is called). */
  hostsFrom?: string
  /** Host names that no longer resolve in DNS from here. */
  unresolvable?: boolean
  /** `ip[:port]` of the DNS server `unresolvable` asks; the system's resolver without it. */
  dnsServer?: string
  dnsTimeoutMs?: number
  /** Told what a selection leaves out and why (hosts DNS could not check, registrations without a last contact). */
  warn?: (message: string) => void
}

const comparators: Record<ProductSortKey, (a: RegisteredProduct, b: RegisteredProduct) => number> = {
  name: (a, b) => a.hostname.localeCompare(b.hostname),
  product: (a, b) => a.service.localeCompare(b.service) || a.hostname.localeCompare(b.hostname),
  // Oldest contact first: the stalest servers lead (none reported sorts first: it needs a look most).
  'last-contact': (a, b) => (a.lastContactAt ?? '').localeCompare(b.lastContactAt ?? ''),
  registered: (a, b) => (a.registeredAt ?? '').localeCompare(b.registeredAt ?? ''),
}

/** The selectors that work without a last contact, as the messages name them. */
export const selectorsWithoutLastContact =
  '--registered-before <date|duration>, --name <glob>, --hosts-from <file|-> (a decommission list) or --unresolvable (host names that no longer resolve in DNS)'

/**
 * [model] `lastContactTime` is not observed: Citrix may send none. Then `--stale` cannot tell, and says
 * so: an error when no registration has one, a warning when only some lack it.
 */
function explainMissingLastContact(products: RegisteredProduct[], warn?: (message: string) => void): void {
  const missing = products.filter((p) => p.lastContactAt === null).length
  if (missing === 0) return
  if (missing === products.length) {
    throw new UsageError(
      'Citrix reports no last contact for these product registrations, so --stale cannot tell which are stale.',
      {
        hint: `Select them by ${selectorsWithoutLastContact}.`,
      },
    )
  }
  warn?.(
    `Citrix reports no last contact for ${missing} of ${plural(products.length, 'registration')}: --stale leaves those out. Select them by ${selectorsWithoutLastContact}.`,
  )
}

/** Keeps the products whose host name no longer resolves; those DNS could not check are left out, with a warning. */
async function keepUnresolvable(products: RegisteredProduct[], filters: ProductFilters): Promise<RegisteredProduct[]> {
  const resolutions = await checkResolution(
    products.map((p) => p.hostname),
    {dnsServer: filters.dnsServer, timeoutMs: filters.dnsTimeoutMs},
  )
  const unknown = [...resolutions.values()].filter((r) => r.result === 'unknown')
  if (unknown.length > 0) {
    const examples = unknown.slice(0, 3).map((r) => `${r.host} (${'reason' in r ? r.reason : ''})`)
    filters.warn?.(
      `DNS could not check ${unknown.length} host name${unknown.length === 1 ? '' : 's'}, left out of --unresolvable: ${examples.join(', ')}${unknown.length > 3 ? ', …' : ''}.`,
    )
  }
  return products.filter((p) => resolutions.get(p.hostname)?.result === 'unresolvable')
}

/**
 * Every registration, then the filters: `--product`, `--name`, `--stale`, `--registered-before`,
 * `--hosts-from` and `--unresolvable` (asked of DNS last, for what the others leave).
 */
export async function findProducts(
  client: CitrixClient,
  filters: ProductFilters,
  now = new Date(),
): Promise<RegisteredProduct[]> {
  // Bad input is refused before Citrix is called.
  if (filters.dnsServer !== undefined) parseDnsServer(filters.dnsServer)
  const hosts = filters.hostsFrom === undefined ? filters.hosts : await readHostList(filters.hostsFrom)
  const matches = matchesFilters({...filters, hosts}, now)
  const service = filters.product ? productKinds[filters.product] : undefined
  const all: RegisteredProduct[] = []
  for await (const page of listRegisteredProducts(client))
    all.push(...page.filter((p) => !service || p.service === service))
  if (filters.stale !== undefined) explainMissingLastContact(all, filters.warn)
  const found = all.filter((p) =>
    matches({name: p.hostname, lastContactAt: p.lastContactAt, registeredAt: p.registeredAt}),
  )
  return filters.unresolvable ? keepUnresolvable(found, filters) : found
}

export async function listProducts(
  client: CitrixClient,
  options: ProductFilters & {sort?: ProductSortKey},
  now = new Date(),
): Promise<RegisteredProduct[]> {
  const products = await findProducts(client, options, now)
  return products.sort(comparators[options.sort ?? 'name'])
}
