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

export const maxPageSize = 1000
/** [model] At most 100 consumers per release call. */
export const maxReleaseBatch = 100

// Wire shapes, exactly as citrix-api.md gives them. Only this file and the sandbox (which serves
// them) use these; the rest of ctx sees the domain shapes below, which the functions here return.

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

// Domain shapes: what the services, the output and `--json` use. Field names that are also export
// columns and JSON keys (users, devices, history, customers) stay those the README documents.

/** The current user/device license figures of one service. */
export interface EnterpriseUsage {
  product: LicenseProduct
  productName: string
  productEdition: string
  used: number
  usedByUsers: number
  usedByDevices: number
  available: number
  remaining: number
  released: number
  nextExpiry: {date: string; count: number; daysLeft: number} | null
  nextActivation: {date: string; count: number} | null
  timeStamp: string
}

/** One month of history, flattened for tables and files. */
export interface HistoryMonth {
  /** yyyy-MM */
  month: string
  totalAvailableLicenseCount: number
  userCumulativeAssignedCount: number
  userNewAssignedCount: number
  userReleasedCount: number
  deviceCumulativeAssignedCount: number
  deviceNewAssignedCount: number
  deviceReleasedCount: number
}

export type LicenseStatus = 'Active' | 'Expired'

export interface LicenseUser {
  userId: string
  userName: string
  licenseAssignedDate: string
  lastLoginDate: string
  licenseStatus: LicenseStatus
}

export interface LicenseDevice {
  deviceId: string
  deviceName: string
  enrollmentStatus: 'Enrolled' | 'Unenrolled'
  licenseAssignedDate: string
  lastLoginDate: string
  licenseStatus: LicenseStatus
}

/** What one release call did: how many went, and those Citrix refused with its reason. */
export interface ReleaseBatchReply {
  releasedCount: number
  failed: Array<{id: string; reason: string}>
}

/** A partner's on-premises Virtual Apps and Desktops figures for a month. */
export interface PartnerOnPremFigures {
  month: string
  totalUsers: number
  paidUsers: number
  freeUsers: number
  licenseServers: number
  customersCount: number
}

/** A partner's Citrix DaaS figures for a month. */
export interface PartnerDaasFigures {
  month: string
  customers: number
  licenses: number
  users: number
  overage: number
}

export interface PartnerOnPremCustomer {
  accountId: string
  accountName: string
  totalUsers: number
  paidUsers: number
  freeUsers: number
}

export interface PartnerDaasCustomer {
  orgId: string
  totalLicenses: number
  totalUsers: number
  overage: number
}

export type PartnerCustomer = PartnerOnPremCustomer | PartnerDaasCustomer

// Wire → domain.

// [seen] Endpoint Management and Secure Private Access report no user/device split (citrix-api.md
// section 4): a missing split counts as none rather than failing the whole reply.
const noUsage: UsageCountsWire = {totalUsageCount: 0, releasedCount: 0}

function toEnterpriseUsage(product: LicenseProduct, wire: CurrentUsageWire): EnterpriseUsage {
  const users = wire.userLicenseUsage ?? noUsage
  const devices = wire.deviceLicenseUsage ?? noUsage
  const expiry = wire.nextExpiredLicenses
  const activation = wire.nextActivatingLicense
  return {
    product,
    productName: wire.productName || licenseProducts[product].name,
    productEdition: wire.productEdition,
    used: wire.totalUsageCount,
    usedByUsers: users.totalUsageCount,
    usedByDevices: devices.totalUsageCount,
    available: wire.totalAvailableLicenseCount,
    remaining: wire.remainingLicenseCount,
    released: users.releasedCount + devices.releasedCount,
    nextExpiry: expiry ? {date: expiry.nextExpiredTime, count: expiry.totalCount, daysLeft: expiry.daysToExpire} : null,
    nextActivation: activation ? {date: activation.activatingTime, count: activation.activatingCount} : null,
    timeStamp: wire.timeStamp,
  }
}

function toHistoryMonth(entry: HistoricalUsageEntryWire): HistoryMonth {
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

const toLicenseUser = (u: LicenseUserWire): LicenseUser => ({
  userId: u.userId,
  userName: u.userName,
  licenseAssignedDate: u.licenseAssignedDate,
  lastLoginDate: u.lastLoginDate,
  licenseStatus: u.licenseStatus,
})

const toLicenseDevice = (d: LicenseDeviceWire): LicenseDevice => ({
  deviceId: d.deviceId,
  deviceName: d.deviceName,
  enrollmentStatus: d.enrollmentStatus,
  licenseAssignedDate: d.licenseAssignedDate,
  lastLoginDate: d.lastLoginDate,
  licenseStatus: d.licenseStatus,
})

const toPartnerOnPremFigures = (s: PartnerOnPremSummaryWire): PartnerOnPremFigures => ({
  month: s.month,
  totalUsers: s.totalUsers,
  paidUsers: s.paidUsers,
  freeUsers: s.freeUsers,
  licenseServers: s.licenseServers,
  customersCount: s.customersCount,
})

const toPartnerDaasFigures = (s: PartnerCloudSummaryWire): PartnerDaasFigures => ({
  month: s.month,
  customers: s.customers,
  licenses: s.licenses,
  users: s.users,
  overage: s.overage,
})

const toPartnerOnPremCustomer = (c: PartnerOnPremCustomerWire): PartnerOnPremCustomer => ({
  accountId: c.accountId,
  accountName: c.accountName,
  totalUsers: c.totalUsers,
  paidUsers: c.paidUsers,
  freeUsers: c.freeUsers,
})

const toPartnerDaasCustomer = (c: PartnerCloudCustomerWire): PartnerDaasCustomer => ({
  orgId: c.orgId,
  totalLicenses: c.totalLicenses,
  totalUsers: c.totalUsers,
  overage: c.overage,
})

/** Each page of a wire list as domain rows; the client's next-page prefetch is unaffected. */
async function* mapPages<W, D>(pages: AsyncGenerator<W[]>, map: (item: W) => D): AsyncGenerator<D[]> {
  for await (const page of pages) yield page.map(map)
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

/** [doc] The reply as Citrix sends it; the rest of ctx uses `getEnterpriseUsage`. */
export async function getCurrentUsageWire(client: CitrixClient, product: LicenseProduct): Promise<CurrentUsageWire> {
  const {body} = await client.call<CurrentUsageWire>(endpoints.licenseCurrentUsage, productParams(product))
  return body!
}

export async function getEnterpriseUsage(client: CitrixClient, product: LicenseProduct): Promise<EnterpriseUsage> {
  return toEnterpriseUsage(product, await getCurrentUsageWire(client, product))
}

/**
 * [doc] Monthly usage from `start` to `end` (yyyy-MM) as Citrix sends it; an empty list when Citrix
 * answers 204 (no data). The rest of ctx uses `getUsageHistory`.
 */
export async function getHistoricalUsageWire(client: CitrixClient, product: LicenseProduct, start: string, end: string): Promise<HistoricalUsageEntryWire[]> {
  const {status, body} = await client.call<HistoricalUsageWire>(endpoints.licenseHistoricalUsage, {
    params: productParams(product).params,
    hints: {...productParams(product).hints, 400: 'Months are yyyy-MM, the first no later than the last, at most 12 months back.'},
    query: {startDate: start, endDate: end},
  })
  return status === 204 || !body ? [] : body.historicalUsageList
}

/** Monthly usage from `start` to `end` (yyyy-MM), oldest first; empty when Citrix has no data. */
export async function getUsageHistory(client: CitrixClient, product: LicenseProduct, start: string, end: string): Promise<HistoryMonth[]> {
  return (await getHistoricalUsageWire(client, product, start, end)).map(toHistoryMonth)
}

export function listLicenseUsers(client: CitrixClient, product: LicenseProduct, limit = maxPageSize): AsyncGenerator<LicenseUser[]> {
  return mapPages(client.pages<LicenseUserWire>(endpoints.licenseUsers, {...productParams(product), limit}), toLicenseUser)
}

export function listLicenseDevices(client: CitrixClient, product: LicenseProduct, limit = maxPageSize): AsyncGenerator<LicenseDevice[]> {
  return mapPages(client.pages<LicenseDeviceWire>(endpoints.licenseDevices, {...productParams(product), limit}), toLicenseDevice)
}

/** One release call, of at most `maxReleaseBatch` ids. */
export async function releaseLicenseBatch(client: CitrixClient, product: LicenseProduct, consumerIds: string[]): Promise<ReleaseBatchReply> {
  // A 429 is retried (Citrix released nothing then); any other failure is the caller's to count.
  const {body} = await client.call<ReleaseReplyWire>(endpoints.licenseRelease, {...productParams(product), json: {consumerList: consumerIds}, retryRateLimited: true})
  return {releasedCount: body?.releasedCount ?? 0, failed: body?.failed ?? []}
}

const monthHint = {400: 'Citrix keeps 12 months of partner history: pick a --month within the last 12 months (yyyy-MM).'}

export async function getPartnerOnPremFigures(client: CitrixClient, month: string): Promise<PartnerOnPremFigures> {
  const {body} = await client.call<PartnerOnPremSummaryWire>(endpoints.partnerOnPremSummary, {query: {month}, hints: monthHint})
  return toPartnerOnPremFigures(body!)
}

export async function getPartnerDaasFigures(client: CitrixClient, month: string): Promise<PartnerDaasFigures> {
  const {body} = await client.call<PartnerCloudSummaryWire>(endpoints.partnerCloudSummary, {query: {month}, hints: monthHint})
  return toPartnerDaasFigures(body!)
}

export function listPartnerOnPremCustomers(client: CitrixClient, month: string, limit = maxPageSize): AsyncGenerator<PartnerOnPremCustomer[]> {
  const query: Query = {month}
  return mapPages(client.pages<PartnerOnPremCustomerWire>(endpoints.partnerOnPremCustomers, {query, limit, hints: monthHint}), toPartnerOnPremCustomer)
}

export function listPartnerDaasCustomers(client: CitrixClient, month: string, limit = maxPageSize): AsyncGenerator<PartnerDaasCustomer[]> {
  const query: Query = {month}
  return mapPages(client.pages<PartnerCloudCustomerWire>(endpoints.partnerCloudCustomers, {query, limit, hints: monthHint}), toPartnerDaasCustomer)
}
