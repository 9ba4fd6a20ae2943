// One way to write a time. On a terminal: the local minute with its zone, and how long ago where that
// helps (`2026-08-01 11:30 CEST (115 d ago)`); in JSON and CSV: ISO-8601 UTC (`2026-08-01T09:30:00.000Z`).

export interface TimeOptions {
  /** An IANA zone; default the machine's (TZ). */
  timeZone?: string
}

// Making an Intl.DateTimeFormat costs far more than using one (a table of 1,000 times spent about
// 25 ms making three a row): one per zone and kind, kept for the process.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(kind: 'minute' | 'zone-en-US' | 'zone-en-GB', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone ?? ''}`
  let made = formatters.get(key)
  if (!made) {
    made =
      kind === 'minute'
        ? new Intl.DateTimeFormat('en-GB', {
            timeZone,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          })
        : new Intl.DateTimeFormat(kind === 'zone-en-US' ? 'en-US' : 'en-GB', {timeZone, timeZoneName: 'short'})
    formatters.set(key, made)
  }
  return made
}

/** The zone's short name at that time: `CET`, `EST`, `UTC`, else `GMT+5:30`. */
function zoneName(date: Date, timeZone: string | undefined): string {
  const named = (kind: 'zone-en-US' | 'zone-en-GB') =>
    formatter(kind, timeZone)
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? ''
  const us = named('zone-en-US')
  const name = /^GMT[+-]/.test(us) ? named('zone-en-GB') : us
  return name === 'GMT' && (timeZone ?? formatter('minute', undefined).resolvedOptions().timeZone) === 'UTC'
    ? 'UTC'
    : name
}

/** `2026-08-01 11:30 CEST`: the local minute and its zone. */
export function formatTime(time: Date, options: TimeOptions = {}): string {
  const parts = Object.fromEntries(
    formatter('minute', options.timeZone)
      .formatToParts(time)
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} ${zoneName(time, options.timeZone)}`
}

/** `now`, `5 min ago`, `3 h ago`, `115 d ago` (`in 2 d` for a time ahead). */
export function formatAge(milliseconds: number): string {
  const ahead = milliseconds < 0
  const span = Math.abs(milliseconds)
  if (span < 60_000) return 'now'
  const amount =
    span < 3_600_000
      ? `${Math.floor(span / 60_000)} min`
      : span < 86_400_000
        ? `${Math.floor(span / 3_600_000)} h`
        : `${Math.floor(span / 86_400_000).toLocaleString('en-US')} d`
  return ahead ? `in ${amount}` : `${amount} ago`
}

/** `2026-08-01 11:30 CEST (115 d ago)`: the local minute with its zone, and the age for a quick read of staleness. */
export function formatWhen(iso: string | null | undefined, now = new Date(), options: TimeOptions = {}): string {
  // Citrix may send no time at all (a registration's last contact, say): say so rather than print nothing.
  if (iso === null || iso === undefined || iso === '') return 'unknown'
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  return `${formatTime(new Date(time), options)} (${formatAge(now.getTime() - time)})`
}

/** A date on its own (`2025-12-03`), in the local zone. */
export function formatDay(iso: string | null | undefined, options: TimeOptions = {}): string {
  if (!iso) return 'unknown'
  const time = Date.parse(iso)
  return Number.isNaN(time) ? iso : formatTime(new Date(time), options).slice(0, 10)
}

/** ISO-8601 UTC for JSON and CSV; a value that is not a time is left as it is, none stays none. */
export function isoUtc(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? value : new Date(time).toISOString()
}

/** Older than `days`: an age that needs attention. */
export function olderThan(iso: string | null | undefined, days: number, now = new Date()): boolean {
  if (!iso) return false
  const time = Date.parse(iso)
  return !Number.isNaN(time) && now.getTime() - time > days * 86_400_000
}
