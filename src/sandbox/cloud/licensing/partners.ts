import type {PartnerCloudCustomerWire, PartnerCloudSummaryWire, PartnerOnPremCustomerWire, PartnerOnPremSummaryWire} from '../../../citrix/licensing.js'
import {intBetween, pickOne, rowRandom, uuidFrom} from '../../state/random.js'
import type {SandboxState} from '../../state/types.js'

// A partner's customers, generated per month and per row from the seed ([model] fields).

const companies = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware', 'Woodgrove', 'Fourth Coffee']
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

export function onPremSummary(state: SandboxState, month: string): PartnerOnPremSummaryWire {
  const rows = customers(state, (i) => onPremCustomer(state, month, i))
  const sum = (pick: (c: PartnerOnPremCustomerWire) => number) => rows.reduce((total, c) => total + pick(c), 0)
  return {
    month,
    totalUsers: sum((c) => c.totalUsers),
    paidUsers: sum((c) => c.paidUsers),
    freeUsers: sum((c) => c.freeUsers),
    licenseServers: rows.length + Math.floor(rows.length / 4),
    customersCount: rows.length,
  }
}

export function cloudSummary(state: SandboxState, month: string): PartnerCloudSummaryWire {
  const rows = customers(state, (i) => cloudCustomer(state, month, i))
  const sum = (pick: (c: PartnerCloudCustomerWire) => number) => rows.reduce((total, c) => total + pick(c), 0)
  return {month, customers: rows.length, licenses: sum((c) => c.totalLicenses), users: sum((c) => c.totalUsers), overage: sum((c) => c.overage)}
}
