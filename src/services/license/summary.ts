import type {CitrixClient} from '../../citrix/client.js'
import {
  getCurrentUsage,
  getPartnerCloudSummary,
  getPartnerOnPremSummary,
  licenseProducts,
  type LicenseProduct,
  type PartnerCloudSummaryWire,
  type PartnerOnPremSummaryWire,
} from '../../citrix/licensing.js'
import type {LicenseView} from '../../config/license-view.js'

export interface EnterpriseSummary {
  view: 'enterprise'
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

export type PartnerOnPremSummary = {view: 'partner-onprem'} & PartnerOnPremSummaryWire
export type PartnerDaasSummary = {view: 'partner-daas'} & PartnerCloudSummaryWire
export type LicenseSummary = EnterpriseSummary | PartnerOnPremSummary | PartnerDaasSummary

export async function licenseSummaryService(
  client: CitrixClient,
  options: {view: LicenseView; product: LicenseProduct; month: string},
): Promise<LicenseSummary> {
  if (options.view === 'partner-onprem') return {view: 'partner-onprem', ...(await getPartnerOnPremSummary(client, options.month))}
  if (options.view === 'partner-daas') return {view: 'partner-daas', ...(await getPartnerCloudSummary(client, options.month))}
  const current = await getCurrentUsage(client, options.product)
  return {
    view: 'enterprise',
    product: options.product,
    productName: current.productName || licenseProducts[options.product].name,
    productEdition: current.productEdition,
    used: current.totalUsageCount,
    usedByUsers: current.userLicenseUsage.totalUsageCount,
    usedByDevices: current.deviceLicenseUsage.totalUsageCount,
    available: current.totalAvailableLicenseCount,
    remaining: current.remainingLicenseCount,
    released: current.userLicenseUsage.releasedCount + current.deviceLicenseUsage.releasedCount,
    nextExpiry: current.nextExpiredLicenses
      ? {date: current.nextExpiredLicenses.nextExpiredTime, count: current.nextExpiredLicenses.totalCount, daysLeft: current.nextExpiredLicenses.daysToExpire}
      : null,
    nextActivation: current.nextActivatingLicense
      ? {date: current.nextActivatingLicense.activatingTime, count: current.nextActivatingLicense.activatingCount}
      : null,
    timeStamp: current.timeStamp,
  }
}
