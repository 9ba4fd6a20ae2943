import ms from 'ms'
import {UsageError} from '../errors.js'
import {compileGlob} from './glob.js'

// The filters that list and remove commands share: `--stale 30d`, `--name <glob>`, and ids.

/** `30d`, `12h`, `2w`: a number and a unit, as `ms` reads them. A bare number is refused (ms would read milliseconds). */
export function parseDuration(text: string, flag = '--stale'): number {
  const value = /^\s*\d+(\.\d+)?\s*[a-z]+\s*$/i.test(text) ? ms(text as ms.StringValue) : undefined
  if (value === undefined || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} "${text}" is not a duration.`, {hint: 'Give a number and a unit, such as 30d, 12h or 2w.'})
  }
  return value
}

/** A case-insensitive plain glob on host names (`ls-*`, `*.emea.corp.example`): `*`, `?`, `[…]` only (glob.ts). */
export function nameMatcher(glob: string): (name: string) => boolean {
  return compileGlob(glob)
}

export interface SelectionFilters {
  /** Last contact older than this duration. */
  stale?: string
  /** A glob on the name. */
  name?: string
}

export interface Selectable {
  name: string
  lastContactAt: string
  /** False for what must never count as stale, such as a connector that reports Connected. */
  canBeStale?: boolean
}

export function matchesFilters(filters: SelectionFilters, now: Date): (item: Selectable) => boolean {
  const staleMs = filters.stale === undefined ? undefined : parseDuration(filters.stale)
  const nameMatches = filters.name === undefined ? undefined : nameMatcher(filters.name)
  return (item) => {
    if (nameMatches && !nameMatches(item.name)) return false
    if (staleMs === undefined) return true
    return item.canBeStale !== false && now.getTime() - Date.parse(item.lastContactAt) > staleMs
  }
}

/** Ids from arguments, where `-` reads whitespace- or comma-separated ids from stdin; duplicates dropped. */
export function idsFrom(args: string[], stdinText?: string): string[] {
  const ids = args.flatMap((arg) => (arg === '-' ? (stdinText ?? '').split(/[\s,]+/) : [arg]))
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))]
}
