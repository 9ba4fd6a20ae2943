import type {CitrixClient} from '../../citrix/client.js'
import {
  getCurrentUsage,
  getHistoricalUsage,
  getPartnerCloudSummary,
  getPartnerOnPremSummary,
  listLicenseDevices,
  listLicenseUsers,
  listPartnerCloudCustomers,
  listPartnerOnPremCustomers,
  type HistoricalUsageEntryWire,
  type LicenseDeviceWire,
  type LicenseProduct,
  type LicenseUserWire,
  type PartnerCloudCustomerWire,
  type PartnerOnPremCustomerWire,
} from '../../citrix/licensing.js'
import type {PartnerView} from '../../config/license-view.js'
import type {UsageMonth} from '../../output/charts/usage-month.js'
import type {ExportColumn} from '../../output/export-writer.js'

// The datasets of `ctx license export`, each with its fixed columns (order and header, as the
// README documents them) and its pages. Headers are the wire field names, so JSON keys match.

export const exportDatasets = ['users', 'devices', 'customers', 'history'] as const
export type ExportDataset = (typeof exportDatasets)[number]

/** One month of history, flattened for tables and files. */
export interface HistoryMonth {
  month: string
  totalAvailableLicenseCount: number
  userCumulativeAssignedCount: number
  userNewAssignedCount: number
  userReleasedCount: number
  deviceCumulativeAssignedCount: number
  deviceNewAssignedCount: number
  deviceReleasedCount: number
}

export function toHistoryMonth(entry: HistoricalUsageEntryWire): HistoryMonth {
  return {
    month: entry.timeStamp.slice(0, 7),
    totalAvailableLicenseCount: entry.totalAvailableLicenseCount,
    userCumulativeAssignedCount: entry.userLicenseUsage.cumulativeAssignedCount,
    userNewAssignedCount: entry.userLicenseUsage.newAssignedCount,
    userReleasedCount: entry.userLicenseUsage.releasedCount,
    deviceCumulativeAssignedCount: entry.deviceLicenseUsage.cumulativeAssignedCount,
    deviceNewAssignedCount: entry.deviceLicenseUsage.newAssignedCount,
    deviceReleasedCount: entry.deviceLicenseUsage.releasedCount,
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

function fields<Row>(...names: Array<keyof Row & string>): Array<ExportColumn<Row>> {
  return names.map((name) => ({header: name, value: (row: Row) => row[name] as string | number | null}))
}

export const userColumns = fields<LicenseUserWire>('userId', 'userName', 'licenseAssignedDate', 'lastLoginDate', 'licenseStatus')
export const deviceColumns = fields<LicenseDeviceWire>('deviceId', 'deviceName', 'enrollmentStatus', 'licenseAssignedDate', 'lastLoginDate', 'licenseStatus')
export const historyColumns = fields<HistoryMonth>(
  'month',
  'totalAvailableLicenseCount',
  'userCumulativeAssignedCount',
  'userNewAssignedCount',
  'userReleasedCount',
  'deviceCumulativeAssignedCount',
  'deviceNewAssignedCount',
  'deviceReleasedCount',
)
export const onPremCustomerColumns = fields<PartnerOnPremCustomerWire>('accountId', 'accountName', 'totalUsers', 'paidUsers', 'freeUsers')
export const cloudCustomerColumns = fields<PartnerCloudCustomerWire>('orgId', 'totalLicenses', 'totalUsers', 'overage')

export type PartnerCustomer = PartnerOnPremCustomerWire | PartnerCloudCustomerWire

export function partnerCustomerColumns(view: PartnerView): Array<ExportColumn<PartnerCustomer>> {
  return (view === 'partner-onprem' ? onPremCustomerColumns : cloudCustomerColumns) as Array<ExportColumn<PartnerCustomer>>
}

export function partnerCustomerPages(client: CitrixClient, view: PartnerView, month: string): AsyncGenerator<PartnerCustomer[]> {
  return view === 'partner-onprem' ? listPartnerOnPremCustomers(client, month) : listPartnerCloudCustomers(client, month)
}

export async function partnerCustomerCount(client: CitrixClient, view: PartnerView, month: string): Promise<number> {
  return view === 'partner-onprem' ? (await getPartnerOnPremSummary(client, month)).customersCount : (await getPartnerCloudSummary(client, month)).customers
}

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
}

async function* once<T>(load: () => Promise<T[]>): AsyncGenerator<T[]> {
  yield await load()
}

export async function openDataset(client: CitrixClient, dataset: ExportDataset, options: DatasetOptions): Promise<DatasetSource<unknown>> {
  switch (dataset) {
    case 'users': {
      // The current figures give the total (for the progress line) and fail early when not entitled.
      const current = await getCurrentUsage(client, options.product)
      return {columns: userColumns, total: current.userLicenseUsage.totalUsageCount, pages: listLicenseUsers(client, options.product)} as DatasetSource<unknown>
    }
    case 'devices': {
      const current = await getCurrentUsage(client, options.product)
      return {columns: deviceColumns, total: current.deviceLicenseUsage.totalUsageCount, pages: listLicenseDevices(client, options.product)} as DatasetSource<unknown>
    }
    case 'customers': {
      const total = await partnerCustomerCount(client, options.view, options.month)
      return {columns: partnerCustomerColumns(options.view), total, pages: partnerCustomerPages(client, options.view, options.month)} as DatasetSource<unknown>
    }
    case 'history': {
      const load = async () => (await getHistoricalUsage(client, options.product, options.range.start, options.range.end)).map(toHistoryMonth)
      return {columns: historyColumns, pages: once(load)} as DatasetSource<unknown>
    }
  }
}
