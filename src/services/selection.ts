import ms from 'ms'
import {UsageError} from '../errors.js'
import {compileGlob} from './glob.js'

// The filters that list and remove commands share: `--stale 30d`, `--name <glob>`,
// `--registered-before <date|duration>`, a host list (`--hosts-from`), and ids.

/** `30d`, `12h`, `2w`: a number and a unit, as `ms` reads them. A bare number is refused (ms would read milliseconds). */
export function parseDuration(text: string, flag = '--stale'): number {
  const value = /^\s*\d+(\.\d+)?\s*[a-z]+\s*$/i.test(text) ? ms(text as ms.StringValue) : undefined
  if (/^\s*\d+(\.\d+)?\s*$/.test(text)) {
    throw new UsageError(`${flag} "${text}" has no unit.`, {
      hint: `Give a number and a unit, such as ${text.trim()}s, ${text.trim()}m or ${text.trim()}h.`,
    })
  }
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} "${text}" is not a duration.`, {
      hint: 'Give a number and a unit, such as 30d, 12h or 2w.',
    })
  }
  return value
}

/** A case-insensitive plain glob on host names (`ls-*`, `*.emea.corp.example`): `*`, `?`, `[…]` only (glob.ts). */
export function nameMatcher(glob: string): (name: string) => boolean {
  return compileGlob(glob)
}

/**
 * `--registered-before`: a date (`2026-01-31`, or a full ISO-8601 time) or a duration back from now
 * (`180d`). A date without a time is midnight UTC.
 */
export function parseDateOrDuration(text: string, flag: string, now: Date): Date {
  if (/^\s*\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?\s*$/i.test(text)) {
    const trimmed = text.trim()
    const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed)
    if (!Number.isNaN(time)) return new Date(time)
  } else if (/^\s*\d+(\.\d+)?\s*[a-z]+\s*$/i.test(text)) {
    return new Date(now.getTime() - parseDuration(text, flag))
  }
  throw new UsageError(`${flag} "${text}" is neither a date nor a duration.`, {
    hint: 'Give a date such as 2026-01-31, or a duration such as 180d.',
  })
}

/** A host name as a list or Citrix may spell it: any case, with or without the root's trailing dot. */
export function normaliseHost(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '')
}

/**
 * A decommission list: one host name a line; blank lines and `#` comments are skipped, and so is
 * anything after the first blank on a line (a list copied from a table).
 */
export function parseHostList(text: string): string[] {
  const names = text.split(/\r?\n/).map((line) => normaliseHost(line.replace(/#.*$/, '').trim().split(/\s+/)[0] ?? ''))
  return [...new Set(names.filter(Boolean))]
}

/**
 * Whether a host is on the list: its full name, or its first label when the list gives a short name
 * (`ls-01` on the list selects `ls-01.corp.example`; `ls-01.emea.example` does not).
 */
export function hostListMatcher(list: string[]): (host: string) => boolean {
  const names = new Set(list.map(normaliseHost))
  return (host) => {
    const full = normaliseHost(host)
    if (full === '') return false
    return names.has(full) || names.has(full.split('.')[0]!)
  }
}

export interface SelectionFilters {
  /** Last contact older than this duration. */
  stale?: string
  /** A glob on the name. */
  name?: string
  /** Registered before this date, or longer ago than this duration. */
  registeredBefore?: string
  /** Host names, already read (`--hosts-from`). */
  hosts?: string[]
}

export interface Selectable {
  name: string
  /** Null when the service reports none: never stale then. */
  lastContactAt: string | null
  registeredAt?: string | null
  /** False for what must never count as stale, such as a connector that reports Connected. */
  canBeStale?: boolean
}

export function matchesFilters(filters: SelectionFilters, now: Date): (item: Selectable) => boolean {
  const staleMs = filters.stale === undefined ? undefined : parseDuration(filters.stale)
  const nameMatches = filters.name === undefined ? undefined : nameMatcher(filters.name)
  const registeredBefore =
    filters.registeredBefore === undefined
      ? undefined
      : parseDateOrDuration(filters.registeredBefore, '--registered-before', now).getTime()
  const onList = filters.hosts === undefined ? undefined : hostListMatcher(filters.hosts)
  return (item) => {
    if (nameMatches && !nameMatches(item.name)) return false
    if (onList && !onList(item.name)) return false
    if (registeredBefore !== undefined) {
      const registered = item.registeredAt ? Date.parse(item.registeredAt) : Number.NaN
      if (!(registered < registeredBefore)) return false
    }
    if (staleMs === undefined) return true
    // No last contact (or one that does not parse) is never stale: nothing says the item went quiet.
    const contact = item.lastContactAt ? Date.parse(item.lastContactAt) : Number.NaN
    return item.canBeStale !== false && !Number.isNaN(contact) && now.getTime() - contact > staleMs
  }
}

/** Ids from arguments, where `-` reads whitespace- or comma-separated ids from stdin; duplicates dropped. */
export function idsFrom(args: string[], stdinText?: string): string[] {
  const ids = args.flatMap((arg) => (arg === '-' ? (stdinText ?? '').split(/[\s,]+/) : [arg]))
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))]
}
