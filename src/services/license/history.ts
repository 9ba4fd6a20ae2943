import type {CitrixClient} from '../../citrix/client.js'
import {getUsageHistory, type HistoryMonth, type LicenseProduct} from '../../citrix/licensing.js'
import type {UsageMonth} from '../../output/charts/usage-month.js'
import {resolveHistoryRange, type HistoryRangeOptions} from './history-range.js'

export interface LicenseHistory {
  product: LicenseProduct
  from: string
  to: string
  /** Empty when Citrix has no data for the range (204). */
  months: HistoryMonth[]
}

export async function getLicenseHistory(client: CitrixClient, options: HistoryRangeOptions & {product: LicenseProduct; now?: Date}): Promise<LicenseHistory> {
  const {start, end} = resolveHistoryRange(options, options.now)
  return {product: options.product, from: start, to: end, months: await getUsageHistory(client, options.product, start, end)}
}

/** A month as the chart and the report draw it: users and devices assigned so far, against available. */
export function toUsageMonth(month: HistoryMonth): UsageMonth {
  return {
    month: month.month,
    assignedUsers: month.userCumulativeAssignedCount,
    assignedDevices: month.deviceCumulativeAssignedCount,
    available: month.totalAvailableLicenseCount,
  }
}
