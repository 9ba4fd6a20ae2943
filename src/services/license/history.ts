import type {CitrixClient} from '../../citrix/client.js'
import {getConcurrentUsage, getUsageHistory, type HistoryMonth, type LicenseProduct} from '../../citrix/licensing.js'
import {CitrixApiError} from '../../errors.js'
import type {UsageMonth} from '../../output/charts/usage-month.js'
import {resolveHistoryRange, type HistoryRangeOptions} from './history-range.js'

export interface LicenseHistory {
  product: LicenseProduct
  from: string
  to: string
  /** Empty when Citrix has no data for the range (204). */
  months: HistoryMonth[]
}

export async function getLicenseHistory(
  client: CitrixClient,
  options: HistoryRangeOptions & {product: LicenseProduct; now?: Date},
): Promise<LicenseHistory> {
  const {start, end} = resolveHistoryRange(options, options.now)
  return {
    product: options.product,
    from: start,
    to: end,
    months: await readUsageHistory(client, options.product, start, end),
  }
}

/**
 * Monthly usage from `start` to `end` (yyyy-MM). Citrix keeps monthly history for user/device licenses
 * only: a Citrix DaaS 404 from a customer whose concurrent summary answers says so plainly, rather
 * than a bare "not found" (still exit 6: there is no history to give).
 */
export async function readUsageHistory(
  client: CitrixClient,
  product: LicenseProduct,
  start: string,
  end: string,
): Promise<HistoryMonth[]> {
  try {
    return await getUsageHistory(client, product, start, end)
  } catch (error) {
    if (product !== 'daas' || !(error instanceof CitrixApiError) || error.status !== 404) throw error
    if (!(await licensesConcurrently(client))) throw error
    throw new CitrixApiError({
      status: error.status,
      detail: error.detail,
      errorType: error.errorType,
      transactionId: error.transactionId,
      parameters: error.parameters,
      exitCode: error.exitCode,
      message: `This customer licenses Citrix DaaS concurrently: Citrix keeps monthly usage history per user/device license only, so there is none to show (${error.message}).`,
      hint: '`ctx license summary` shows the concurrent figures: now, and the 24-hour, month and all-time peaks.',
    })
  }
}

/** Whether the customer's concurrent Citrix DaaS summary answers (any failure: not known to be concurrent). */
async function licensesConcurrently(client: CitrixClient): Promise<boolean> {
  try {
    await getConcurrentUsage(client)
    return true
  } catch {
    return false
  }
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
