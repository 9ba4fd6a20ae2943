import type {EnterpriseUsage, PartnerDaasFigures, PartnerOnPremFigures} from '../citrix/licensing.js'
import type {LicenseView, PartnerView} from '../config/license-view.js'
import type {SeriesLabels} from './charts/usage-month.js'

// How the licensing figures are named for people: the views, the figures of a summary, and what the
// chart's three series stand for in each view.

/** A figure with its label, as a summary lists them. */
export interface LabelledFigure {
  label: string
  value: string | number
}

export const viewLabels: Record<LicenseView, string> = {
  enterprise: 'Enterprise — Citrix DaaS user/device licenses',
  'partner-onprem': 'Partner — on-premises Virtual Apps and Desktops',
  'partner-daas': 'Partner — Citrix DaaS',
}

export function enterpriseFigures(usage: EnterpriseUsage): LabelledFigure[] {
  return [
    {label: 'Service', value: `${usage.productName} (${usage.productEdition})`},
    {label: 'Licenses used', value: usage.used},
    {label: 'by users', value: usage.usedByUsers},
    {label: 'by devices', value: usage.usedByDevices},
    {label: 'Available', value: usage.available},
    {label: 'Remaining', value: usage.remaining},
    {label: 'Released', value: usage.released},
  ]
}

export function partnerOnPremFigures(figures: PartnerOnPremFigures): LabelledFigure[] {
  return [
    {label: 'Month', value: figures.month},
    {label: 'Customers', value: figures.customersCount},
    {label: 'Users', value: figures.totalUsers},
    {label: 'Paid users', value: figures.paidUsers},
    {label: 'Free users', value: figures.freeUsers},
    {label: 'License servers', value: figures.licenseServers},
  ]
}

export function partnerDaasFigures(figures: PartnerDaasFigures): LabelledFigure[] {
  return [
    {label: 'Month', value: figures.month},
    {label: 'Customers', value: figures.customers},
    {label: 'Licenses', value: figures.licenses},
    {label: 'Users', value: figures.users},
    {label: 'Overage', value: figures.overage},
  ]
}

// The partner figures have no devices and (on-premises) no licenses to exceed, so each view puts its
// own figures in the chart's three places and names them.
export const partnerSeriesLabels: Record<PartnerView, SeriesLabels> = {
  // Paid and free users stacked; the line is their total: on-premises partners pay per user, with no pool to exceed.
  'partner-onprem': {users: 'Paid users', devices: 'Free users', available: 'Total users'},
  // The customers' users against the licenses they hold together.
  'partner-daas': {users: 'Users', available: 'Licenses'},
}
