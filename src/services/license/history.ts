import type {CitrixClient} from '../../citrix/client.js'
import {getHistoricalUsage, type LicenseProduct} from '../../citrix/licensing.js'
import {toHistoryMonth, type HistoryMonth} from './datasets.js'
import {resolveHistoryRange, type HistoryRangeOptions} from './history-range.js'

export interface LicenseHistory {
  product: LicenseProduct
  from: string
  to: string
  /** Empty when Citrix has no data for the range (204). */
  months: HistoryMonth[]
}

export async function licenseHistoryService(client: CitrixClient, options: HistoryRangeOptions & {product: LicenseProduct; now?: Date}): Promise<LicenseHistory> {
  const {start, end} = resolveHistoryRange(options, options.now)
  const entries = await getHistoricalUsage(client, options.product, start, end)
  return {product: options.product, from: start, to: end, months: entries.map(toHistoryMonth)}
}
