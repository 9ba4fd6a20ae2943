import type {
  LicenseServerStatusWire,
  LicenseUsageDataWire,
  PartnerCloudCustomerWire,
  PartnerCloudSummaryWire,
  PartnerDirectoryCustomerWire,
  PartnerOnPremCustomerWire,
} from '../../../citrix/licensing.js'
import {intBetween, pickOne, rowRandom, uuidFrom} from '../../state/random.js'
import type {SandboxState} from '../../state/types.js'

// A partner's customers, generated per month and per row from the seed ([model] fields).

const companies = [
  'Contoso',
  'Fabrikam',
  'Northwind',
  'Tailspin',
  'Wingtip',
  'Litware',
  'Adatum',
  'Proseware',
  'Woodgrove',
  'Fourth Coffee',
]
const suffixes = ['Ltd', 'GmbH', 'Inc.', 'SA', 'BV', 'Pty']

export function onPremCustomer(state: SandboxState, month: string, index: number): PartnerOnPremCustomerWire {
  const random = rowRandom(state.settings.seed, `partner-onprem:${month}`, index)
  const totalUsers = intBetween(random, 10, 2500)
  const freeUsers = Math.round(totalUsers * random() * 0.1)
  return {
    accountId: String(700_000 + index),
    accountName: `${pickOne(random, companies)} ${pickOne(random, suffixes)} ${index + 1}`,
    totalUsers,
    paidUsers: totalUsers - freeUsers,
    freeUsers,
  }
}

export function cloudCustomer(state: SandboxState, month: string, index: number): PartnerCloudCustomerWire {
  // The org id stays the same from month to month; the figures change.
  const orgId = uuidFrom(rowRandom(state.settings.seed, 'partner-cloud-org', index))
  const random = rowRandom(state.settings.seed, `partner-cloud:${month}`, index)
  const totalLicenses = intBetween(random, 25, 5000)
  const totalUsers = Math.round(totalLicenses * (0.7 + random() * 0.45))
  return {orgId, totalLicenses, totalUsers, overage: Math.max(0, totalUsers - totalLicenses)}
}

function customers<T>(state: SandboxState, make: (index: number) => T): T[] {
  return Array.from({length: state.settings.sizes.customers}, (_, i) => make(i))
}

const dayMs = 86_400_000

/** How many license servers the partner runs: about one per four customers, at least six (one of each health). */
export function licenseServerCount(state: SandboxState): number {
  return Math.max(6, Math.ceil(state.settings.sizes.customers / 4))
}

const serverFqdn = (state: SandboxState, index: number) => {
  const random = rowRandom(state.settings.seed, 'license-server', index)
  return `lic-${String(index + 1).padStart(2, '0')}.${pickOne(random, companies).toLowerCase().replace(/\s+/g, '')}.example`
}

/**
 * [seen: csp-lui-scripts] The partner's license servers. The first six show one health each (healthy,
 * not phoning home, never reported, expiring, non-compliant and not in back office, non-CSP and concurrent);
 * the rest are healthy, one in five free.
 */
export function licenseServers(state: SandboxState, now: Date): LicenseServerStatusWire[] {
  const anchor = new Date(state.createdAt).getTime()
  return Array.from({length: licenseServerCount(state)}, (_, index) => {
    const random = rowRandom(state.settings.seed, 'license-server-health', index)
    const days = intBetween(random, 200, 700)
    const healthy: LicenseServerStatusWire = {
      hostID: uuidFrom(random),
      fqdn: serverFqdn(state, index),
      isPhoningHome: true,
      lastPhoningHomeTime: new Date(now.getTime() - intBetween(random, 1, 20) * 3_600_000).toISOString(),
      isEverReported: true,
      isFoundInBackOffice: true,
      isNonCspLicenseInstalled: false,
      isCcu: false,
      isExpired: false,
      daysToExpire: days,
      licenseExpirationDate: new Date(now.getTime() + days * dayMs).toISOString(),
      isCompliant: true,
      isLicenseServerFree: index % 5 === 4,
    }
    switch (index) {
      case 1:
        return {...healthy, isPhoningHome: false, lastPhoningHomeTime: new Date(anchor - 40 * dayMs).toISOString()}
      case 2:
        return {...healthy, isPhoningHome: false, isEverReported: false, lastPhoningHomeTime: null}
      case 3:
        return {...healthy, daysToExpire: 30, licenseExpirationDate: new Date(now.getTime() + 30 * dayMs).toISOString()}
      case 4:
        return {...healthy, isCompliant: false, isFoundInBackOffice: false}
      case 5:
        return {...healthy, isNonCspLicenseInstalled: true, isCcu: true}
      default:
        return healthy
    }
  })
}

const features = [
  {featureID: 'XDT_PLT_UD', featureDescription: 'Premium'},
  {featureID: 'XDT_ADV_UD', featureDescription: 'Base'},
  {featureID: 'XDT_STD_UD', featureDescription: 'VDI Edition'},
]

/** [seen: csp-lui-scripts] A month's License Usage Insights: each edition's users per reporting license server. */
export function licenseUsageData(state: SandboxState, month: string): LicenseUsageDataWire {
  const reporting = Array.from({length: licenseServerCount(state)}, (_, i) => i).filter((i) => i !== 2)
  return {
    skus: [
      {
        skuId: 'CVAD-CSP',
        features: features.map((feature) => {
          const usages = reporting.map((index) => {
            const random = rowRandom(state.settings.seed, `lui:${month}:${feature.featureID}`, index)
            const count = intBetween(random, 5, 400)
            const free = Math.round(count * random() * 0.1)
            return {fqdn: serverFqdn(state, index), count, freeUsersCount: free, isLicenseServerFree: index % 5 === 4}
          })
          return {
            ...feature,
            count: usages.reduce((t, u) => t + u.count, 0),
            freeUsersCount: usages.reduce((t, u) => t + u.freeUsersCount, 0),
            licenseServerUsages: usages,
          }
        }),
      },
    ],
  }
}

/** [seen: CitrixCloudPartnerModule] The partner's customers by org id; every fifth has no display name (ctx falls back to the org id). */
export function partnerDirectory(state: SandboxState): {items: PartnerDirectoryCustomerWire[]} {
  return {
    items: Array.from({length: state.settings.sizes.customers}, (_, index) => {
      const orgId = uuidFrom(rowRandom(state.settings.seed, 'partner-cloud-org', index))
      const random = rowRandom(state.settings.seed, 'partner-directory', index)
      const displayName =
        index % 5 === 4 ? null : `${pickOne(random, companies)} ${pickOne(random, suffixes)} ${index + 1}`
      return {
        customerId: `cust${index + 1}`,
        type: 'Customer',
        customerInformation: {displayName, orgId, adminFullName: 'Admin', adminEmail: `admin${index + 1}@example.com`},
      }
    }),
  }
}

export function cloudSummary(state: SandboxState, month: string): PartnerCloudSummaryWire {
  const rows = customers(state, (i) => cloudCustomer(state, month, i))
  const sum = (pick: (c: PartnerCloudCustomerWire) => number) => rows.reduce((total, c) => total + pick(c), 0)
  return {
    month,
    customers: rows.length,
    licenses: sum((c) => c.totalLicenses),
    users: sum((c) => c.totalUsers),
    overage: sum((c) => c.overage),
  }
}
