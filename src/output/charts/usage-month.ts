/** One month of license use, as the terminal chart and the HTML report draw it. */
export interface UsageMonth {
  /** yyyy-MM */
  month: string
  assignedUsers: number
  assignedDevices: number
  available: number
}

/**
 * What the three series stand for. The enterprise figures are users, devices and licenses available;
 * the partner views put their own figures in the same places (their report says which).
 */
export interface SeriesLabels {
  users: string
  /** Absent when the figures have no second series (it is then 0 in every month). */
  devices?: string
  available: string
}

export const defaultSeriesLabels: SeriesLabels = {users: 'Users', devices: 'Devices', available: 'Available'}

/** Users and devices draw from the same pool of user/device licenses, so use is their sum. */
export function assignedTotal(month: UsageMonth): number {
  return month.assignedUsers + month.assignedDevices
}

/** How many licenses a month used beyond those available; 0 when it stayed within them. */
export function overage(month: UsageMonth): number {
  return Math.max(0, assignedTotal(month) - month.available)
}

const countFormat = new Intl.NumberFormat('en-US')
const compactFormat = new Intl.NumberFormat('en-US', {notation: 'compact', maximumFractionDigits: 1})

/** 1234567 → "1,234,567". */
export function formatCount(value: number): string {
  return countFormat.format(value)
}

/** 1234567 → "1.2M", for axis labels where room is short. */
export function formatCompact(value: number): string {
  return compactFormat.format(value)
}
