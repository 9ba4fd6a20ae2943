import pMap from 'p-map'

import type {AuditContext, AuditEntry} from './audit-log.js'
import {appendAudit} from './audit-log.js'

// The one bulk-removal mechanism of ctx (products and connectors): the selection is shown and
// confirmed, removed with bounded concurrency under the shared retry rules, and every item reported.
// Gone already counts as done, so running the same command again finishes what a failure left.

export interface RemovalItem {
  id: string
  /** Host name or FQDN. */
  name: string
  /** Product or connector type, for people and the audit log. */
  product: string
}

export type RemovalResult = 'removed' | 'not-found' | 'failed' | 'would-remove'

export interface RemovalOutcome extends RemovalItem {
  result: RemovalResult
  error?: string
}

export interface RemovalReport {
  dryRun: boolean
  /** False when the user declined; nothing was removed then. */
  confirmed: boolean
  items: RemovalOutcome[]
  removed: number
  notFound: number
  failed: number
}

/** Ids given: those found (the others are reported missing); none given: everything found (already filtered). */
export function selectByIds<T extends {id: string}>(found: T[], ids?: string[]): {selected: T[]; missing?: string[]} {
  if (!ids?.length) return {selected: found}
  return {selected: found.filter((item) => ids.includes(item.id)), missing: ids.filter((id) => !found.some((item) => item.id === id))}
}

/** What a remove command passes through to the bulk removal, whatever it removes. */
export interface BulkRunOptions {
  /** Ids to remove; when given, the filters are not used. */
  ids?: string[]
  dryRun?: boolean
  concurrency?: number
  confirm: (items: RemovalItem[]) => Promise<boolean>
  signal?: AbortSignal
  audit: AuditContext
  onProgress?: (done: number, total: number) => void
  now?: Date
}

export interface BulkRemoveOptions<T extends RemovalItem> {
  kind: AuditEntry['kind']
  /** What the selection found. */
  selected: T[]
  /** Ids asked for that are not there (removed already, or never were): reported as not found. */
  missing?: string[]
  remove: (item: T) => Promise<'removed' | 'not-found'>
  dryRun?: boolean
  /** Asked with the exact selection before anything is removed (not on a dry run, nor when nothing is selected). */
  confirm: (items: T[]) => Promise<boolean>
  concurrency?: number
  signal?: AbortSignal
  audit?: AuditContext
  onProgress?: (done: number, total: number) => void
  now?: () => Date
}

export const defaultConcurrency = 4

function reportOf(dryRun: boolean, confirmed: boolean, items: RemovalOutcome[]): RemovalReport {
  const count = (result: RemovalResult) => items.filter((i) => i.result === result).length
  return {dryRun, confirmed, items, removed: count('removed'), notFound: count('not-found'), failed: count('failed')}
}

export async function bulkRemove<T extends RemovalItem>(options: BulkRemoveOptions<T>): Promise<RemovalReport> {
  const missing: RemovalOutcome[] = (options.missing ?? []).map((id) => ({id, name: '', product: '', result: 'not-found'}))
  const plain = (item: T): RemovalItem => ({id: item.id, name: item.name, product: item.product})
  if (options.dryRun) return reportOf(true, false, [...options.selected.map((i) => ({...plain(i), result: 'would-remove' as const})), ...missing])
  if (options.selected.length > 0 && !(await options.confirm(options.selected))) return reportOf(false, false, [])

  let done = 0
  const removeOne = async (item: T): Promise<RemovalOutcome> => {
    let outcome: RemovalOutcome
    try {
      outcome = {...plain(item), result: await options.remove(item)}
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason
      outcome = {...plain(item), result: 'failed', error: (error as Error).message}
    }
    if (options.audit) {
      const time = (options.now?.() ?? new Date()).toISOString()
      await appendAudit({time, action: 'remove', kind: options.kind, ...options.audit, id: item.id, hostname: item.name, product: item.product, result: outcome.result as AuditEntry['result'], ...(outcome.error ? {error: outcome.error} : {})})
    }
    options.onProgress?.(++done, options.selected.length)
    return outcome
  }
  const outcomes = await pMap(options.selected, removeOne, {concurrency: options.concurrency ?? defaultConcurrency, signal: options.signal})
  return reportOf(false, true, [...outcomes, ...missing])
}
