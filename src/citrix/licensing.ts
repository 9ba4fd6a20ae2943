import {CitrixApiError, UnavailableError} from '../errors.js'
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

/**
 * [seen: euc-reports-collectors] GET cloudlicense…/{customerId}/cloudlicenseusages/products/{xenmobile|secureworkspaceaccess}/current:
 * no user/device split.
 */
export interface CloudLicenseUsageWire {
  productName?: string | null
  productEdition?: string | null
  totalAvailableLicenseCount: number
  totalUsageCount: number
  remainingLicenseCount?: number | null
  nextExpiredLicenses?: {nextExpiredTime: string; totalCount: number; daysToExpire: number} | null
  licenseModel?: string | null
}

/** [seen] A figure of the concurrent summary; euc-reports-collectors reads the first names, `count`/`time` are accepted too. */
export interface ConcurrentFigureWire {
  totalLicenseCount?: number
  assignedLicenseCount?: number
  reportTime?: string
  count?: number
  time?: string
}

/** [seen: euc-reports-collectors] GET cloudlicense…/{customerId}/license/enterprise/cloud/cvad/ccu/summary?UsageType=device&LicenseModel=Concurrent */
export interface ConcurrentSummaryWire {
  currentCcu?: ConcurrentFigureWire | null
  last24HoursPeak?: ConcurrentFigureWire | null
  monthPeak?: ConcurrentFigureWire | null
  allTimePeak?: ConcurrentFigureWire | null
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

/** [seen: csp-lui-scripts] A license server's share of a feature in GET licensing…/{customerId}/licenseusagedata. */
export interface LicenseServerUsageWire {
  fqdn?: string | null
  count?: number | null
  freeUsersCount?: number | null
  isLicenseServerFree?: boolean | null
}

/** [seen] A feature (an edition) of a SKU. */
export interface LicenseFeatureUsageWire {
  featureID?: string | null
  featureDescription?: string | null
  count?: number | null
  freeUsersCount?: number | null
  licenseServerUsages?: LicenseServerUsageWire[] | null
}

/** [seen: csp-lui-scripts, cws token] GET https://licensing.citrixworkspacesapi.net/{customerId}/licenseusagedata?date=yyyy-MM */
export interface LicenseUsageDataWire {
  skus?: Array<{skuId?: string | null; features?: LicenseFeatureUsageWire[] | null}> | null
}

/** [seen: csp-lui-scripts, cws token] An item of GET https://licensing.citrixworkspacesapi.net/{customerId}/licenseservers */
export interface LicenseServerStatusWire {
  hostID?: string | null
  fqdn?: string | null
  isPhoningHome?: boolean | null
  lastPhoningHomeTime?: string | null
  isEverReported?: boolean | null
  isFoundInBackOffice?: boolean | null
  isNonCspLicenseInstalled?: boolean | null
  isCcu?: boolean | null
  isExpired?: boolean | null
  daysToExpire?: number | null
  licenseExpirationDate?: string | null
  isCompliant?: boolean | null
  isLicenseServerFree?: boolean | null
}

/** [seen: CitrixCloudPartnerModule, cws token] An item of GET https://partner.citrixworkspacesapi.net/{partnerId}/customers */
export interface PartnerDirectoryCustomerWire {
  customerId?: string | null
  type?: string | null
  customerInformation?: {
    displayName?: string | null
    orgId?: string | number | null
    adminFullName?: string | null
    adminEmail?: string | null
  } | null
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

/** How a summary counts: user/device licenses, concurrent users (Citrix DaaS), or a total with no split. */
export type LicenseModel = 'user-device' | 'concurrent' | 'total'
/** What `--license-model` can ask for. */
export const licenseModels = ['user-device', 'concurrent'] as const
export type RequestedLicenseModel = (typeof licenseModels)[number]

/** One concurrent figure: a count and when it was reported (null when Citrix leaves them out). */
export interface ConcurrentFigure {
  count: number | null
  time: string | null
}

/** [seen] A concurrent Citrix DaaS customer's figures: now (of how many licenses), and the peaks. */
export interface ConcurrentFigures {
  current: ConcurrentFigure & {total: number | null}
  last24HoursPeak: ConcurrentFigure
  monthPeak: ConcurrentFigure
  allTimePeak: ConcurrentFigure
}

/**
 * The current license figures of one service. `userDeviceSplit` false: Citrix reports only a total
 * (Endpoint Management, Secure Private Access, concurrent DaaS), and the split fields are null rather than zeros.
 */
export interface EnterpriseUsage {
  product: LicenseProduct
  productName: string
  productEdition: string
  licenseModel: LicenseModel
  /** The model as Citrix names it, when it does (the cloudlicense reply's `licenseModel`). */
  citrixLicenseModel: string | null
  userDeviceSplit: boolean
  used: number
  usedByUsers: number | null
  usedByDevices: number | null
  available: number
  remaining: number
  released: number | null
  nextExpiry: {date: string; count: number; daysLeft: number} | null
  nextActivation: {date: string; count: number} | null
  timeStamp: string | null
  /** Concurrent DaaS only; null otherwise. */
  concurrent: ConcurrentFigures | null
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

/** One edition's users in a month: Premium, Base (Virtual Apps Standard) or VDI Edition (Virtual Desktops Standard). */
export interface EditionUsage {
  edition: string
  featureId: string
  totalUsers: number
  paidUsers: number
  freeUsers: number
}

/**
 * A partner's on-premises Virtual Apps and Desktops figures for a month, from the observed License
 * Usage Insights data [seen]: per edition and in total; license servers are the distinct fqdns.
 */
export interface PartnerOnPremFigures {
  month: string
  /** False when Citrix has no usage data for the month (no SKUs): the figures are then zeros. */
  hasData: boolean
  totalUsers: number
  paidUsers: number
  freeUsers: number
  licenseServers: number
  editions: EditionUsage[]
}

/** [seen] A partner's license server and its health; `issues` names each problem, `stale` when one makes it a stale server. */
export interface LicenseServerHealth {
  fqdn: string
  hostId: string | null
  phoningHome: boolean | null
  lastPhoningHome: string | null
  everReported: boolean | null
  inBackOffice: boolean | null
  nonCspLicenses: boolean | null
  concurrent: boolean | null
  expired: boolean | null
  daysToExpire: number | null
  licenseExpiration: string | null
  compliant: boolean | null
  free: boolean | null
  issues: string[]
  stale: boolean
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
  /** [seen] The partner directory's displayName where it answers; else the org id. */
  customerName: string
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
    productEdition: wire.productEdition ?? '',
    licenseModel: 'user-device',
    citrixLicenseModel: null,
    userDeviceSplit: true,
    used: wire.totalUsageCount,
    usedByUsers: users.totalUsageCount,
    usedByDevices: devices.totalUsageCount,
    available: wire.totalAvailableLicenseCount,
    remaining: wire.remainingLicenseCount,
    released: users.releasedCount + devices.releasedCount,
    nextExpiry: expiry ? {date: expiry.nextExpiredTime, count: expiry.totalCount, daysLeft: expiry.daysToExpire} : null,
    nextActivation: activation ? {date: activation.activatingTime, count: activation.activatingCount} : null,
    timeStamp: wire.timeStamp ?? null,
    concurrent: null,
  }
}

function toTotalUsage(product: LicenseProduct, wire: CloudLicenseUsageWire, now: Date): EnterpriseUsage {
  const expiry = wire.nextExpiredLicenses
  return {
    product,
    productName: wire.productName || licenseProducts[product].name,
    productEdition: wire.productEdition ?? '',
    licenseModel: 'total',
    citrixLicenseModel: wire.licenseModel ?? null,
    userDeviceSplit: false,
    used: wire.totalUsageCount,
    usedByUsers: null,
    usedByDevices: null,
    available: wire.totalAvailableLicenseCount,
    remaining: wire.remainingLicenseCount ?? wire.totalAvailableLicenseCount - wire.totalUsageCount,
    released: null,
    nextExpiry: expiry ? {date: expiry.nextExpiredTime, count: expiry.totalCount, daysLeft: expiry.daysToExpire} : null,
    nextActivation: null,
    timeStamp: now.toISOString(),
    concurrent: null,
  }
}

function concurrentFigure(wire: ConcurrentFigureWire | null | undefined): ConcurrentFigure {
  const count = wire?.assignedLicenseCount ?? wire?.count
  const time = wire?.reportTime ?? wire?.time
  return {count: typeof count === 'number' ? count : null, time: typeof time === 'string' ? time : null}
}

function toConcurrentUsage(wire: ConcurrentSummaryWire): EnterpriseUsage {
  const current = {
    ...concurrentFigure(wire.currentCcu),
    total: typeof wire.currentCcu?.totalLicenseCount === 'number' ? wire.currentCcu.totalLicenseCount : null,
  }
  const used = current.count ?? 0
  const available = current.total ?? 0
  return {
    product: 'daas',
    productName: licenseProducts.daas.name,
    productEdition: 'Concurrent',
    licenseModel: 'concurrent',
    citrixLicenseModel: 'Concurrent',
    userDeviceSplit: false,
    used,
    usedByUsers: null,
    usedByDevices: null,
    available,
    remaining: available - used,
    released: null,
    nextExpiry: null,
    nextActivation: null,
    timeStamp: current.time,
    concurrent: {
      current,
      last24HoursPeak: concurrentFigure(wire.last24HoursPeak),
      monthPeak: concurrentFigure(wire.monthPeak),
      allTimePeak: concurrentFigure(wire.allTimePeak),
    },
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

/** [seen] The editions' names, by featureDescription (csp-lui-scripts). */
export const editionNames: Record<string, string> = {
  Premium: 'Citrix Virtual Apps and Desktops Premium',
  Base: 'Citrix Virtual Apps Standard',
  'VDI Edition': 'Citrix Virtual Desktops Standard',
}

const num = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : 0)

/** Total, paid (count − free) and free users per edition and in total; license servers = distinct fqdns. */
export function toPartnerOnPremFigures(month: string, wire: LicenseUsageDataWire | undefined): PartnerOnPremFigures {
  const byEdition = new Map<string, EditionUsage>()
  const servers = new Set<string>()
  const skus = wire?.skus ?? []
  for (const sku of skus) {
    for (const feature of sku?.features ?? []) {
      const edition = feature.featureDescription || feature.featureID || 'Unknown'
      const row = byEdition.get(edition) ?? {
        edition,
        featureId: feature.featureID ?? '',
        totalUsers: 0,
        paidUsers: 0,
        freeUsers: 0,
      }
      const count = num(feature.count)
      const free = num(feature.freeUsersCount)
      row.totalUsers += count
      row.freeUsers += free
      row.paidUsers += count - free
      byEdition.set(edition, row)
      for (const usage of feature.licenseServerUsages ?? []) if (usage?.fqdn) servers.add(usage.fqdn.toLowerCase())
    }
  }
  const editions = [...byEdition.values()]
  const sum = (pick: (e: EditionUsage) => number) => editions.reduce((total, e) => total + pick(e), 0)
  return {
    month,
    hasData: skus.length > 0,
    totalUsers: sum((e) => e.totalUsers),
    paidUsers: sum((e) => e.paidUsers),
    freeUsers: sum((e) => e.freeUsers),
    licenseServers: servers.size,
    editions,
  }
}

/** Days before a license server's licenses expire from which it is stale (csp-lui-scripts' "expiring"). */
export const expiringWithinDays = 90

const bool = (value: boolean | null | undefined) => (typeof value === 'boolean' ? value : null)

export function toLicenseServerHealth(wire: LicenseServerStatusWire): LicenseServerHealth {
  const server: Omit<LicenseServerHealth, 'issues' | 'stale'> = {
    fqdn: wire.fqdn ?? wire.hostID ?? '(no name)',
    hostId: wire.hostID ?? null,
    phoningHome: bool(wire.isPhoningHome),
    lastPhoningHome: wire.lastPhoningHomeTime ?? null,
    everReported: bool(wire.isEverReported),
    inBackOffice: bool(wire.isFoundInBackOffice),
    nonCspLicenses: bool(wire.isNonCspLicenseInstalled),
    concurrent: bool(wire.isCcu),
    expired: bool(wire.isExpired),
    daysToExpire: typeof wire.daysToExpire === 'number' ? wire.daysToExpire : null,
    licenseExpiration: wire.licenseExpirationDate ?? null,
    compliant: bool(wire.isCompliant),
    free: bool(wire.isLicenseServerFree),
  }
  const stale: string[] = []
  if (server.everReported === false) stale.push('never reported')
  else if (server.phoningHome === false)
    stale.push(`not phoning home${server.lastPhoningHome ? ` since ${server.lastPhoningHome.slice(0, 10)}` : ''}`)
  if (server.inBackOffice === false) stale.push('not in back office')
  if (server.expired === true) stale.push('expired')
  else if (server.daysToExpire !== null && server.daysToExpire <= expiringWithinDays)
    stale.push(`expires in ${server.daysToExpire} days`)
  if (server.compliant === false) stale.push('non-compliant')
  // Shown, but not what makes a server stale.
  const notes = [...(server.nonCspLicenses ? ['non-CSP licenses'] : []), ...(server.concurrent ? ['concurrent'] : [])]
  return {...server, issues: [...stale, ...notes], stale: stale.length > 0}
}

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
  customerName: c.orgId,
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

/** The products whose current usage comes from the observed cloudlicense call, with no user/device split [seen]. */
const totalOnlyProducts: ReadonlySet<LicenseProduct> = new Set(['endpoint-management', 'secure-private-access'])

/** [seen] Endpoint Management's or Secure Private Access's current usage, from cloudlicense.citrixworkspacesapi.net. */
export async function getTotalUsage(
  client: CitrixClient,
  product: LicenseProduct,
  now = new Date(),
): Promise<EnterpriseUsage> {
  const {body} = await client.call<CloudLicenseUsageWire>(endpoints.cloudLicenseCurrentUsage, productParams(product))
  if (!body || typeof body.totalUsageCount !== 'number')
    throw missingField('cloudlicenseusages current', 'totalUsageCount')
  return toTotalUsage(product, body, now)
}

/** [seen] A concurrent Citrix DaaS customer's figures. */
export async function getConcurrentUsage(client: CitrixClient): Promise<EnterpriseUsage> {
  const {body} = await client.call<ConcurrentSummaryWire>(endpoints.concurrentUsageSummary, {
    query: {UsageType: 'device', LicenseModel: 'Concurrent'},
    hints: {404: 'The customer has no concurrent Citrix DaaS licenses: try --license-model user-device.'},
  })
  if (!body?.currentCcu) throw missingField('ccu summary', 'currentCcu')
  return toConcurrentUsage(body)
}

/** A field ctx needs that Citrix left out: exit 8 naming the call and the field. */
function missingField(call: string, field: string): UnavailableError {
  return new UnavailableError(`Citrix Cloud's ${call} reply has no "${field}": ctx cannot read it.`, {
    hint: 'Run it again with --debug and report the reply (secrets are redacted).',
  })
}

/**
 * The current figures of a service. Citrix DaaS: user/device, or concurrent (`model`); without a
 * model, user/device first and concurrent when user/device answers 404 (a concurrent-only customer).
 */
export async function getEnterpriseUsage(
  client: CitrixClient,
  product: LicenseProduct,
  model?: RequestedLicenseModel,
): Promise<EnterpriseUsage> {
  if (totalOnlyProducts.has(product)) return getTotalUsage(client, product)
  if (model === 'concurrent') return getConcurrentUsage(client)
  try {
    return toEnterpriseUsage(product, await getCurrentUsageWire(client, product))
  } catch (error) {
    if (model === undefined && product === 'daas' && error instanceof CitrixApiError && error.status === 404)
      return getConcurrentUsage(client)
    throw error
  }
}

/**
 * [doc] Monthly usage from `start` to `end` (yyyy-MM) as Citrix sends it; an empty list when Citrix
 * answers 204 (no data). The rest of ctx uses `getUsageHistory`.
 */
export async function getHistoricalUsageWire(
  client: CitrixClient,
  product: LicenseProduct,
  start: string,
  end: string,
): Promise<HistoricalUsageEntryWire[]> {
  const {status, body} = await client.call<HistoricalUsageWire>(endpoints.licenseHistoricalUsage, {
    params: productParams(product).params,
    hints: {
      ...productParams(product).hints,
      400: 'Months are yyyy-MM, the first no later than the last, at most 12 months back.',
    },
    query: {startDate: start, endDate: end},
  })
  // [doc] The legacy xenAppXenDesktopHistoricalUsageList may come too: it is never read.
  return status === 204 || !body ? [] : (body.historicalUsageList ?? [])
}

/** Monthly usage from `start` to `end` (yyyy-MM), oldest first; empty when Citrix has no data. */
export async function getUsageHistory(
  client: CitrixClient,
  product: LicenseProduct,
  start: string,
  end: string,
): Promise<HistoryMonth[]> {
  return (await getHistoricalUsageWire(client, product, start, end)).map(toHistoryMonth)
}

export function listLicenseUsers(
  client: CitrixClient,
  product: LicenseProduct,
  limit = maxPageSize,
): AsyncGenerator<LicenseUser[]> {
  return mapPages(
    client.pages<LicenseUserWire>(endpoints.licenseUsers, {...productParams(product), limit}),
    toLicenseUser,
  )
}

export function listLicenseDevices(
  client: CitrixClient,
  product: LicenseProduct,
  limit = maxPageSize,
): AsyncGenerator<LicenseDevice[]> {
  return mapPages(
    client.pages<LicenseDeviceWire>(endpoints.licenseDevices, {...productParams(product), limit}),
    toLicenseDevice,
  )
}

/** One release call, of at most `maxReleaseBatch` ids. */
export async function releaseLicenseBatch(
  client: CitrixClient,
  product: LicenseProduct,
  consumerIds: string[],
): Promise<ReleaseBatchReply> {
  // A 429 is retried (Citrix released nothing then); any other failure is the caller's to count.
  const {body} = await client.call<ReleaseReplyWire>(endpoints.licenseRelease, {
    ...productParams(product),
    json: {consumerList: consumerIds},
    retryRateLimited: true,
  })
  return {releasedCount: body?.releasedCount ?? 0, failed: body?.failed ?? []}
}

const monthHint = {
  400: 'Citrix keeps 12 months of partner history: pick a --month within the last 12 months (yyyy-MM).',
}

/** [seen] The partner's License Usage Insights for a month: 204 or no SKUs is a month without data. */
export async function getPartnerOnPremFigures(client: CitrixClient, month: string): Promise<PartnerOnPremFigures> {
  const {body} = await client.call<LicenseUsageDataWire>(endpoints.licenseUsageData, {
    query: {date: month},
    hints: monthHint,
  })
  return toPartnerOnPremFigures(month, body)
}

/** [seen] The partner's license servers and their health. */
export async function listLicenseServers(client: CitrixClient): Promise<LicenseServerHealth[]> {
  const {body} = await client.call<{licenseServersStatus?: LicenseServerStatusWire[] | null}>(endpoints.licenseServers)
  return (body?.licenseServersStatus ?? []).map(toLicenseServerHealth)
}

/**
 * [seen] The partner's customers' display names by org id (and customer id), from the partner
 * directory; an empty map, and `onUnanswered` told why, when that call does not answer (it is the names
 * only, never the figures).
 */
export async function getPartnerCustomerNames(
  client: CitrixClient,
  onUnanswered?: (error: unknown) => void,
): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  try {
    const {body} = await client.call<{
      items?: PartnerDirectoryCustomerWire[] | null
      Items?: PartnerDirectoryCustomerWire[] | null
    }>(endpoints.partnerCustomerDirectory)
    for (const customer of body?.items ?? body?.Items ?? []) {
      const name = customer?.customerInformation?.displayName
      if (!name) continue
      const orgId = customer.customerInformation?.orgId
      if (orgId !== undefined && orgId !== null) names.set(String(orgId), name)
      if (customer.customerId) names.set(customer.customerId, name)
    }
  } catch (error) {
    // The names are a nicety: without them customers are named by org id, as before (the caller may say so).
    onUnanswered?.(error)
  }
  return names
}

export async function getPartnerDaasFigures(client: CitrixClient, month: string): Promise<PartnerDaasFigures> {
  const {body} = await client.call<PartnerCloudSummaryWire>(endpoints.partnerCloudSummary, {
    query: {month},
    hints: monthHint,
  })
  return toPartnerDaasFigures(body!)
}

export function listPartnerOnPremCustomers(
  client: CitrixClient,
  month: string,
  limit = maxPageSize,
): AsyncGenerator<PartnerOnPremCustomer[]> {
  const query: Query = {month}
  return mapPages(
    client.pages<PartnerOnPremCustomerWire>(endpoints.partnerOnPremCustomers, {query, limit, hints: monthHint}),
    toPartnerOnPremCustomer,
  )
}

export function listPartnerDaasCustomers(
  client: CitrixClient,
  month: string,
  limit = maxPageSize,
): AsyncGenerator<PartnerDaasCustomer[]> {
  const query: Query = {month}
  return mapPages(
    client.pages<PartnerCloudCustomerWire>(endpoints.partnerCloudCustomers, {query, limit, hints: monthHint}),
    toPartnerDaasCustomer,
  )
}
