import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {productFilterFlags, productSelection} from '../../cli/filter-flags.js'
import {serviceLabels, type RegisteredProduct} from '../../citrix/products.js'
import {renderList} from '../../output/list-format.js'
import type {Column} from '../../output/table.js'
import {formatDay, formatWhen, isoUtc, olderThan} from '../../output/time.js'
import {paint} from '../../output/colors.js'
import {listFlags} from '../../cli/list-flags.js'
import {productSortKeys} from '../../services/product/list.js'

export interface ProductListResult {
  products: RegisteredProduct[]
}

// Priorities: what gives way first on a narrow terminal (the highest number first); --wide shows all.
const columns = (now: Date): Array<Column<RegisteredProduct>> => [
  {header: 'Host name', key: 'hostname', value: (p) => p.hostname, shrink: 16},
  {
    header: 'Product',
    key: 'product',
    value: (p) => serviceLabels[p.service] ?? p.product,
    data: (p) => p.product,
    priority: 2,
    shrink: 19,
  },
  {header: 'Version', key: 'version', value: (p) => p.version, priority: 4},
  {
    header: 'Registered',
    key: 'registeredAt',
    value: (p) => formatDay(p.registeredAt),
    data: (p) => isoUtc(p.registeredAt),
    priority: 5,
  },
  {
    header: 'Last contact',
    key: 'lastContactAt',
    value: (p) => formatWhen(p.lastContactAt, now),
    data: (p) => isoUtc(p.lastContactAt),
    paint: (p) => (olderThan(p.lastContactAt, 30, now) ? paint.warn : undefined),
  },
  {header: 'Id', key: 'id', value: (p) => p.id, priority: 3, shrink: 9},
  {header: 'Service', key: 'service', value: (p) => p.service, csvOnly: true},
]

export default class ProductList extends BaseCommand<typeof ProductList> {
  static summary = 'List the products registered with Citrix Cloud, with when each last called in.'
  static description =
    'Citrix may report no last contact for registrations; then --stale says so, and --registered-before, --name, --hosts-from (a decommission list) and --unresolvable (host names gone from DNS) select instead.'
  static examples = [
    '<%= config.bin %> product list',
    '<%= config.bin %> product list --stale 30d --product license-server',
    '<%= config.bin %> product list --name "ca-*" --csv',
    '<%= config.bin %> product list --registered-before 2025-06-30 --hosts-from decommissioned.txt',
    '<%= config.bin %> product list --unresolvable --dns-server 10.0.0.53',
  ]
  static flags = {
    ...productFilterFlags,
    sort: Flags.string({
      description: 'order (last-contact: oldest first)',
      options: [...productSortKeys],
      default: 'name',
    }),
    ...listFlags,
  }

  async run(): Promise<ProductListResult> {
    const {listProducts} = await import('../../services/product/list.js')
    const selection = productSelection(this.flags)
    const now = new Date()
    const warn = (message: string) => this.warn(message)
    const products = await listProducts(
      await this.citrix(),
      {...selection, warn, sort: this.flags.sort as (typeof productSortKeys)[number]},
      now,
    )
    if (products.length > 0 || this.flags.csv)
      this.log(
        renderList(columns(now), products, {csv: this.flags.csv, wide: this.flags.wide, note: (m) => this.note(m)}),
      )
    else if (Object.values(selection).some((v) => v !== undefined))
      this.note('No registered products match. Try without the filters: `ctx product list`.')
    else this.note('No products are registered. Register one with `ctx register --code <code>`.')
    return {products}
  }
}
