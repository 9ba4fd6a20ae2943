import {
  editionNames,
  type ConcurrentFigure,
  type ConcurrentFigures,
  type EnterpriseUsage,
  type PartnerDaasFigures,
  type PartnerOnPremFigures,
} from '../citrix/licensing.js'
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

export const licenseModelLabels: Record<EnterpriseUsage['licenseModel'], string> = {
  'user-device': 'user/device',
  concurrent: 'concurrent',
  total: 'total only',
}

/** Said instead of zeros where Citrix gives no user/device split. */
export const noSplitText = 'not reported (Citrix gives no user/device split for this service)'

const when = (time: string | null) => (time ? ` (${time.slice(0, 16).replace('T', ' ')} UTC)` : '')
const countOf = (figure: ConcurrentFigure) =>
  figure.count === null ? 'not reported' : `${figure.count}${when(figure.time)}`

/** The concurrent figures: now (of how many), and the 24-hour, month and all-time peaks. */
export function concurrentFigures(figures: ConcurrentFigures): LabelledFigure[] {
  return [
    {
      label: 'Concurrent now',
      value: `${countOf(figures.current)}${figures.current.total === null ? '' : ` of ${figures.current.total}`}`,
    },
    {label: 'Peak, last 24 hours', value: countOf(figures.last24HoursPeak)},
    {label: 'Peak this month', value: countOf(figures.monthPeak)},
    {label: 'All-time peak', value: countOf(figures.allTimePeak)},
  ]
}

export function enterpriseFigures(usage: EnterpriseUsage): LabelledFigure[] {
  const service = usage.productEdition ? `${usage.productName} (${usage.productEdition})` : usage.productName
  const model = {
    label: 'License model',
    value:
      licenseModelLabels[usage.licenseModel] +
      (usage.citrixLicenseModel && usage.licenseModel === 'total' ? ` (${usage.citrixLicenseModel})` : ''),
  }
  if (usage.concurrent) {
    return [
      {label: 'Service', value: service},
      model,
      ...concurrentFigures(usage.concurrent),
      {label: 'Available', value: usage.available},
      {label: 'Remaining', value: usage.remaining},
    ]
  }
  const split: LabelledFigure[] = usage.userDeviceSplit
    ? [
        {label: 'by users', value: usage.usedByUsers ?? 0},
        {label: 'by devices', value: usage.usedByDevices ?? 0},
      ]
    : [{label: 'by users / devices', value: noSplitText}]
  return [
    {label: 'Service', value: service},
    model,
    {label: 'Licenses used', value: usage.used},
    ...split,
    {label: 'Available', value: usage.available},
    {label: 'Remaining', value: usage.remaining},
    ...(usage.released === null ? [] : [{label: 'Released', value: usage.released}]),
  ]
}

export function partnerOnPremFigures(figures: PartnerOnPremFigures): LabelledFigure[] {
  if (!figures.hasData)
    return [
      {label: 'Month', value: figures.month},
      {label: 'Usage data', value: 'none for this month (Citrix reports no SKUs)'},
    ]
  return [
    {label: 'Month', value: figures.month},
    {label: 'Users', value: figures.totalUsers},
    {label: 'Paid users', value: figures.paidUsers},
    {label: 'Free users', value: figures.freeUsers},
    {label: 'License servers', value: figures.licenseServers},
    ...figures.editions.map((e) => ({
      label: editionNames[e.edition] ?? e.edition,
      value: `${e.totalUsers} users (${e.paidUsers} paid, ${e.freeUsers} free)`,
    })),
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
