import type {
  CloudLicenseUsageWire,
  ConcurrentSummaryWire,
  CurrentUsageWire,
  HistoricalUsageEntryWire,
} from '../../../citrix/licensing.js'
import {addMonths, monthNumber, monthOf, monthStart, type Month} from '../../../util/months.js'
import {intBetween, rowRandom} from '../../state/random.js'
import type {SandboxState} from '../../state/types.js'
import {findConsumer, releasedIds} from './consumers.js'

// The figures of `current` and `historicalusage` per product, derived from the seed, the sizes and
// the licenses released so far.

const dayMs = 86_400_000

interface ProductProfile {
  productName: string
  productEdition: string
  /** How many months of history the sandbox holds; fewer than 12 gives a product with a 204 range. */
  historyMonths: number
  activating: boolean
}

export const sandboxProducts: Record<string, ProductProfile> = {
  cvad: {productName: 'Citrix DaaS', productEdition: 'Premium', historyMonths: 12, activating: true},
  daasazure: {
    productName: 'Citrix DaaS Standard for Azure',
    productEdition: 'Standard',
    historyMonths: 12,
    activating: false,
  },
  xenmobile: {
    productName: 'Citrix Endpoint Management',
    productEdition: 'Enterprise',
    historyMonths: 12,
    activating: false,
  },
  // Subscribed three months before the sandbox was seeded: earlier months have no data (204).
  secureworkspaceaccess: {
    productName: 'Citrix Secure Private Access',
    productEdition: 'Standard',
    historyMonths: 3,
    activating: true,
  },
}

export function isEntitled(state: SandboxState, segment: string): boolean {
  return (
    segment in sandboxProducts && (state.licensing.entitledProducts ?? Object.keys(sandboxProducts)).includes(segment)
  )
}

function releasedCounts(state: SandboxState, segment: string): {users: number; devices: number} {
  const counts = {users: 0, devices: 0}
  for (const id of releasedIds(state, segment)) {
    const found = findConsumer(state, segment, id)
    if (found) counts[found.kind] += 1
  }
  return counts
}

export function currentUsage(state: SandboxState, segment: string, now: Date, customerId: string): CurrentUsageWire {
  const profile = sandboxProducts[segment]!
  const random = rowRandom(state.settings.seed, `current:${segment}`, 0)
  const anchorMs = Date.parse(state.createdAt)
  const released = releasedCounts(state, segment)
  const users = state.settings.sizes.users - released.users
  const devices = state.settings.sizes.devices - released.devices
  const total = users + devices
  const available = Math.round((state.settings.sizes.users + state.settings.sizes.devices) * (1.05 + random() * 0.2))
  const expiresMs = anchorMs + intBetween(random, 20, 200) * dayMs
  return {
    customerId,
    totalUsageCount: total,
    userLicenseUsage: {totalUsageCount: users, releasedCount: released.users},
    deviceLicenseUsage: {totalUsageCount: devices, releasedCount: released.devices},
    totalAvailableLicenseCount: available,
    remainingLicenseCount: available - total,
    timeStamp: now.toISOString(),
    productName: profile.productName,
    nextExpiredLicenses: {
      nextExpiredTime: new Date(expiresMs).toISOString(),
      totalCount: Math.round(available * 0.25),
      daysToExpire: Math.ceil((expiresMs - now.getTime()) / dayMs),
    },
    nextActivatingLicense: profile.activating
      ? {
          activatingTime: new Date(anchorMs + intBetween(random, 30, 90) * dayMs).toISOString(),
          activatingCount: intBetween(random, 50, 500),
        }
      : null,
    productEdition: profile.productEdition,
  }
}

/** [seen] The cloudlicense reply of Endpoint Management and Secure Private Access: the same figures, no user/device split. */
export function totalUsage(state: SandboxState, segment: string, now: Date, customerId: string): CloudLicenseUsageWire {
  const usage = currentUsage(state, segment, now, customerId)
  return {
    productName: usage.productName,
    productEdition: usage.productEdition,
    totalAvailableLicenseCount: usage.totalAvailableLicenseCount,
    totalUsageCount: usage.totalUsageCount,
    remainingLicenseCount: usage.remainingLicenseCount,
    nextExpiredLicenses: usage.nextExpiredLicenses,
    licenseModel: segment === 'xenmobile' ? 'UserDevice' : 'User',
  }
}

/** [seen] A concurrent customer's summary: now, and the 24-hour, month and all-time peaks (each at least the one before). */
export function concurrentSummary(state: SandboxState, now: Date): ConcurrentSummaryWire {
  const random = rowRandom(state.settings.seed, 'ccu', 0)
  const total = Math.max(10, Math.round(state.settings.sizes.users / 4))
  const current = intBetween(random, Math.round(total * 0.3), Math.round(total * 0.7))
  const day = current + intBetween(random, 0, Math.round(total * 0.1))
  const month = day + intBetween(random, 0, Math.round(total * 0.1))
  const ever = month + intBetween(random, 0, Math.round(total * 0.1))
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * dayMs).toISOString()
  return {
    currentCcu: {totalLicenseCount: total, assignedLicenseCount: current, reportTime: at(0)},
    last24HoursPeak: {assignedLicenseCount: day, reportTime: at(0.4)},
    monthPeak: {assignedLicenseCount: month, reportTime: at(9)},
    // [seen] accepted too: the short names.
    allTimePeak: {count: ever, time: at(120)},
  }
}

/** The months with data: the product's history up to now, within Citrix's 12-month window. */
export function historyWindow(state: SandboxState, segment: string, now: Date): {first: Month; last: Month} {
  const seeded = monthOf(new Date(state.createdAt))
  const last = monthOf(now)
  const fromSeed = addMonths(seeded, 1 - sandboxProducts[segment]!.historyMonths)
  const fromWindow = addMonths(last, -11)
  return {first: monthNumber(fromSeed) > monthNumber(fromWindow) ? fromSeed : fromWindow, last}
}

export function historyEntry(state: SandboxState, segment: string, month: Month): HistoricalUsageEntryWire {
  const {seed, sizes} = state.settings
  const random = rowRandom(seed, `history:${segment}`, monthNumber(month))
  const monthsAgo = Math.max(0, monthNumber(monthOf(new Date(state.createdAt))) - monthNumber(month))
  const counts = (size: number) => ({
    cumulativeAssignedCount: Math.round(size * (1 - 0.03 * monthsAgo)),
    newAssignedCount: Math.round(size * (0.02 + random() * 0.04)),
    releasedCount: Math.round(size * random() * 0.01),
  })
  return {
    timeStamp: monthStart(month),
    totalAvailableLicenseCount: Math.round((sizes.users + sizes.devices) * 1.1),
    userLicenseUsage: counts(sizes.users),
    deviceLicenseUsage: counts(sizes.devices),
  }
}

export function historyBetween(
  state: SandboxState,
  segment: string,
  start: Month,
  end: Month,
  now: Date,
): HistoricalUsageEntryWire[] {
  const window = historyWindow(state, segment, now)
  const from = Math.max(monthNumber(start), monthNumber(window.first))
  const to = Math.min(monthNumber(end), monthNumber(window.last))
  const entries: HistoricalUsageEntryWire[] = []
  for (let n = from; n <= to; n++)
    entries.push(historyEntry(state, segment, {year: Math.floor(n / 12), month: (n % 12) + 1}))
  return entries
}
