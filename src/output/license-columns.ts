import type {
  HistoryMonth,
  LicenseDevice,
  LicenseUser,
  PartnerCustomer,
  PartnerDaasCustomer,
  PartnerOnPremCustomer,
} from '../citrix/licensing.js'
import type {PartnerView} from '../config/license-view.js'
import type {ExportColumn} from './export-writer.js'
import {formatCount} from './numbers.js'
import type {Column} from './table.js'

// The fixed columns of `ctx license export` and `ctx license customers` (order and header, as the
// README documents them). Headers are the domain field names, so CSV headers and JSON keys match.

function fields<Row>(...names: Array<keyof Row & string>): Array<ExportColumn<Row>> {
  return names.map((name) => ({header: name, value: (row: Row) => row[name] as string | number | null}))
}

export const userColumns = fields<LicenseUser>(
  'userId',
  'userName',
  'licenseAssignedDate',
  'lastLoginDate',
  'licenseStatus',
)
export const deviceColumns = fields<LicenseDevice>(
  'deviceId',
  'deviceName',
  'enrollmentStatus',
  'licenseAssignedDate',
  'lastLoginDate',
  'licenseStatus',
)
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
const onPremCustomerColumns = fields<PartnerOnPremCustomer>(
  'accountId',
  'accountName',
  'totalUsers',
  'paidUsers',
  'freeUsers',
)
const daasCustomerColumns = fields<PartnerDaasCustomer>(
  'customerName',
  'orgId',
  'totalLicenses',
  'totalUsers',
  'overage',
)

export function partnerCustomerColumns(view: PartnerView): Array<ExportColumn<PartnerCustomer>> {
  return (view === 'partner-onprem' ? onPremCustomerColumns : daasCustomerColumns) as Array<
    ExportColumn<PartnerCustomer>
  >
}

/** Headings for a person: the table shows these, CSV and JSON the field names. */
const readable: Record<string, string> = {
  accountId: 'Account id',
  accountName: 'Account',
  customerName: 'Customer',
  orgId: 'Org id',
  totalLicenses: 'Licenses',
  totalUsers: 'Users',
  paidUsers: 'Paid users',
  freeUsers: 'Free users',
  overage: 'Overage',
}

/** Export columns as a list's columns: readable headings, thousands separators; CSV keeps field names and raw numbers. */
export function asListColumns<Row>(columns: Array<ExportColumn<Row>>): Array<Column<Row>> {
  return columns.map((c) => ({
    header: readable[c.header] ?? c.header,
    key: c.header,
    value: (row: Row) => {
      const value = c.value(row)
      return typeof value === 'number' ? formatCount(value) : value
    },
    data: c.value,
    ...(/Id$/.test(c.header) ? {priority: 1, shrink: 9} : {}),
  }))
}
