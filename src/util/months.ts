// Months as Citrix's licensing calls spell them: yyyy-MM, in UTC.

export interface Month {
  year: number
  /** 1..12 */
  month: number
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/

export function parseMonth(text: string): Month | undefined {
  const match = monthPattern.exec(text)
  return match ? {year: Number(match[1]), month: Number(match[2])} : undefined
}

export function monthOf(date: Date): Month {
  return {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1}
}

export function formatMonth(month: Month): string {
  return `${month.year}-${String(month.month).padStart(2, '0')}`
}

/** A month as one number (months since year 0), so that months compare and subtract. */
export function monthNumber(month: Month): number {
  return month.year * 12 + (month.month - 1)
}

export function fromMonthNumber(n: number): Month {
  return {year: Math.floor(n / 12), month: (n % 12) + 1}
}

export function addMonths(month: Month, count: number): Month {
  return fromMonthNumber(monthNumber(month) + count)
}

/** The first instant of the month, as Citrix's `timeStamp` of a monthly entry. */
export function monthStart(month: Month): string {
  return new Date(Date.UTC(month.year, month.month - 1, 1)).toISOString()
}
