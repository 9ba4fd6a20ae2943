import type {CitrixClient} from '../../citrix/client.js'
import {getEnterpriseUsage, listLicenseDevices, listLicenseUsers, type LicenseProduct} from '../../citrix/licensing.js'
import type {PartnerView} from '../../config/license-view.js'
import type {ExportColumn} from '../../output/export-writer.js'
import {deviceColumns, historyColumns, partnerCustomerColumns, userColumns} from '../../output/license-columns.js'
import {partnerCustomerPages} from './customers.js'
import {readUsageHistory} from './history.js'
import {getPartnerSummary} from './summary.js'

// The datasets of `ctx license export`: each with its columns (from output/license-columns.ts) and its pages.

export const exportDatasets = ['users', 'devices', 'customers', 'history'] as const
export type ExportDataset = (typeof exportDatasets)[number]

/** A dataset ready to stream: its columns, its pages, and its row count when known in advance. */
export interface DatasetSource<Row> {
  columns: Array<ExportColumn<Row>>
  total?: number
  pages: AsyncIterable<Row[]>
}

export interface DatasetOptions {
  product: LicenseProduct
  view: PartnerView
  month: string
  range: {start: string; end: string}
  /** Told once when the partner directory does not answer (customers then named by org id). */
  warn?: (message: string) => void
  /**
   * Users and devices: ask for the row count before the rows (default true). It serves only the progress line's percentage: with
   * no progress shown (a pipeline) it is one request of Citrix's rate limit and one round trip for nothing,
   * and a customer not entitled gets the same 404 hint from the first page.
   */
  countFirst?: boolean
}

async function* once<T>(load: () => Promise<T[]>): AsyncGenerator<T[]> {
  yield await load()
}

/** How many customers the export will hold, for the progress line: the on-premises usage data does not say. */
async function partnerCustomerCount(
  client: CitrixClient,
  view: PartnerView,
  month: string,
): Promise<number | undefined> {
  if (view === 'partner-onprem') return undefined
  const summary = await getPartnerSummary(client, view, month)
  return summary.view === 'partner-daas' ? summary.customers : undefined
}

/** How many users or devices the export will hold, from the current figures, when a progress line asks. */
async function enterpriseCount(
  client: CitrixClient,
  options: DatasetOptions,
  figure: 'usedByUsers' | 'usedByDevices',
): Promise<number | undefined> {
  if (options.countFirst === false) return undefined
  const usage = await getEnterpriseUsage(client, options.product, 'user-device')
  return usage[figure] ?? undefined
}

export async function openDataset(
  client: CitrixClient,
  dataset: ExportDataset,
  options: DatasetOptions,
): Promise<DatasetSource<unknown>> {
  switch (dataset) {
    case 'users': {
      return {
        columns: userColumns,
        total: await enterpriseCount(client, options, 'usedByUsers'),
        pages: listLicenseUsers(client, options.product),
      } as DatasetSource<unknown>
    }
    case 'devices': {
      return {
        columns: deviceColumns,
        total: await enterpriseCount(client, options, 'usedByDevices'),
        pages: listLicenseDevices(client, options.product),
      } as DatasetSource<unknown>
    }
    case 'customers': {
      const total = await partnerCustomerCount(client, options.view, options.month)
      return {
        columns: partnerCustomerColumns(options.view),
        total,
        pages: partnerCustomerPages(client, options.view, options.month, options.warn),
      } as DatasetSource<unknown>
    }
    case 'history': {
      const load = () => readUsageHistory(client, options.product, options.range.start, options.range.end)
      return {columns: historyColumns, pages: once(load)} as DatasetSource<unknown>
    }
  }
}
