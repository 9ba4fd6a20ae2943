import type {CitrixClient, Query} from './client.js'
import {endpoints} from './endpoints.js'

// Section 4 of citrix-api.md. `current` and `historicalusage` are published for cvad [doc]; the
// other products, the exports, release and the partner calls are modelled [model].

/** The four cloud services whose licenses ctx reports, by the name the CLI uses. */
export const licenseProducts = {
  daas: {segment: 'cvad', name: 'Citrix DaaS'},
  'daas-azure': {segment: 'daasazure', name: 'Citrix DaaS Standard for Azure'},
  'endpoint-management': {segment: 'xenmobile', name: 'Citrix Endpoint Management'},
  'secure-private-access': {segment: 'secureworkspaceaccess', name: 'Citrix Secure Private Access'},
} as const

export type LicenseProduct = keyof typeof licenseProducts
export const licenseProductNames = Object.keys(licenseProducts) as LicenseProduct[]
export const licenseSegments = licenseProductNames.map((p) => licenseProducts[p].segment)

export const maxPageSize = 1000
/** [model] At most 100 consumers per release call. */
export const maxReleaseBatch = 100

export interface UsageCountsWire {
  totalUsageCount: number
  releasedCount: number
}

/** [doc] GET …/{product}/ud/current */
export interface CurrentUsageWire {
  customerId: string
  totalUsageCount: number
  userLicenseUsage: UsageCountsWire
  deviceLicenseUsage: UsageCountsWire
  totalAvailableLicenseCount: number
  remainingLicenseCount: number
  timeStamp: string
  productName: string
  nextExpiredLicenses: {nextExpiredTime: string; totalCount: number; daysToExpire: number} | null
  nextActivatingLicense: {activatingTime: string; activatingCount: number} | null
  productEdition: string
}

export interface MonthlyCountsWire {
  cumulativeAssignedCount: number
  newAssignedCount: number
  releasedCount: number
}

/** [doc] One month of GET …/{product}/ud/historicalusage */
export interface HistoricalUsageEntryWire {
  timeStamp: string
  totalAvailableLicenseCount: number
  userLicenseUsage: MonthlyCountsWire
  deviceLicenseUsage: MonthlyCountsWire
}

export interface HistoricalUsageWire {
  customerId: string
  historicalUsageType: 'Monthly'
  productEdition: string
  historicalUsageList: HistoricalUsageEntryWire[]
}

export type LicenseStatus = 'Active' | 'Expired'

/** [model] An item of GET …/{product}/ud/users */
export interface LicenseUserWire {
  userId: string
  userName: string
  licenseAssignedDate: string
  lastLoginDate: string
  licenseStatus: LicenseStatus
}

/** [model] An item of GET …/{product}/ud/devices */
export interface LicenseDeviceWire {
  deviceId: string
  deviceName: string
  enrollmentStatus: 'Enrolled' | 'Unenrolled'
  licenseAssignedDate: string
  lastLoginDate: string
  licenseStatus: LicenseStatus
}

/** [model] POST …/{product}/ud/release */
export interface ReleaseReplyWire {
  releasedCount: number
  failed: Array<{id: string; reason: string}>
}

/** [model] Partner summaries and customers. */
export interface PartnerOnPremSummaryWire {
  month: string
  totalUsers: number
  paidUsers: number
  freeUsers: number
  licenseServers: number
  customersCount: number
}

export interface PartnerOnPremCustomerWire {
  accountId: string
  accountName: string
  totalUsers: number
  paidUsers: number
  freeUsers: number
}

export interface PartnerCloudSummaryWire {
  month: string
  customers: number
  licenses: number
  users: number
  overage: number
}

export interface PartnerCloudCustomerWire {
  orgId: string
  totalLicenses: number
  totalUsers: number
  overage: number
}

function productParams(product: LicenseProduct) {
  const {segment, name} = licenseProducts[product]
  return {
    params: {product: segment},
    hints: {
      404: `The customer is not entitled to ${name}: check its subscriptions in Citrix Cloud, or pick another service with --product (${licenseProductNames.join(', ')}).`,
    },
  }
}

export async function getCurrentUsage(client: CitrixClient, product: LicenseProduct): Promise<CurrentUsageWire> {
  const {body} = await client.call<CurrentUsageWire>(endpoints.licenseCurrentUsage, productParams(product))
  return body!
}

/** [doc] Monthly usage from `start` to `end` (yyyy-MM); an empty list when Citrix answers 204 (no data). */
export async function getHistoricalUsage(client: CitrixClient, product: LicenseProduct, start: string, end: string): Promise<HistoricalUsageEntryWire[]> {
  const {status, body} = await client.call<HistoricalUsageWire>(endpoints.licenseHistoricalUsage, {
    params: productParams(product).params,
    hints: {...productParams(product).hints, 400: 'Months are yyyy-MM, the first no later than the last, at most 12 months back.'},
    query: {startDate: start, endDate: end},
  })
  return status === 204 || !body ? [] : body.historicalUsageList
}

export function listLicenseUsers(client: CitrixClient, product: LicenseProduct, limit = maxPageSize): AsyncGenerator<LicenseUserWire[]> {
  return client.pages<LicenseUserWire>(endpoints.licenseUsers, {...productParams(product), limit})
}

export function listLicenseDevices(client: CitrixClient, product: LicenseProduct, limit = maxPageSize): AsyncGenerator<LicenseDeviceWire[]> {
  return client.pages<LicenseDeviceWire>(endpoints.licenseDevices, {...productParams(product), limit})
}

export async function releaseLicenses(client: CitrixClient, product: LicenseProduct, consumerIds: string[]): Promise<ReleaseReplyWire> {
  const {body} = await client.call<ReleaseReplyWire>(endpoints.licenseRelease, {...productParams(product), json: {consumerList: consumerIds}})
  return {releasedCount: body?.releasedCount ?? 0, failed: body?.failed ?? []}
}

const monthHint = {400: 'Citrix keeps 12 months of partner history: pick a --month within the last 12 months (yyyy-MM).'}

export async function getPartnerOnPremSummary(client: CitrixClient, month: string): Promise<PartnerOnPremSummaryWire> {
  const {body} = await client.call<PartnerOnPremSummaryWire>(endpoints.partnerOnPremSummary, {query: {month}, hints: monthHint})
  return body!
}

export async function getPartnerCloudSummary(client: CitrixClient, month: string): Promise<PartnerCloudSummaryWire> {
  const {body} = await client.call<PartnerCloudSummaryWire>(endpoints.partnerCloudSummary, {query: {month}, hints: monthHint})
  return body!
}

export function listPartnerOnPremCustomers(client: CitrixClient, month: string, limit = maxPageSize): AsyncGenerator<PartnerOnPremCustomerWire[]> {
  const query: Query = {month}
  return client.pages<PartnerOnPremCustomerWire>(endpoints.partnerOnPremCustomers, {query, limit, hints: monthHint})
}

export function listPartnerCloudCustomers(client: CitrixClient, month: string, limit = maxPageSize): AsyncGenerator<PartnerCloudCustomerWire[]> {
  const query: Query = {month}
  return client.pages<PartnerCloudCustomerWire>(endpoints.partnerCloudCustomers, {query, limit, hints: monthHint})
}
