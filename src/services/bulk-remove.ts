import pMap from 'p-map'

import {CtxError, ExitCode, InterruptedError, LocalIoError} from '../errors.js'
import type {AuditContext, AuditEntry} from './audit-log.js'
import {appendAuditSync, auditLogPath} from './audit-log.js'

// The one bulk-removal mechanism of ctx (products and connectors): the selection is shown and
// confirmed, removed with bounded concurrency under the shared retry rules, and every item reported.
// Gone already counts as done, so running the same command again finishes what a failure left.
//
// Stopping: on Ctrl-C (SIGTERM, SIGHUP) nothing new starts, the removals in flight are waited for
// (a few seconds at most) and recorded, and the report says what was removed, what failed and what
// was not started. A removal whose answer never came is reported and recorded as `unknown`. An audit
// log that cannot be written stops the run likewise: ctx removes nothing it cannot record.

export interface RemovalItem {
  id: string
  /** Host name or FQDN. */
  name: string
  /** Product or connector type, for people and the audit log. */
  product: string
}

/** `not-started`: stopped before its turn; `unknown`: in flight when the wait after a stop ran out. */
export type RemovalResult = 'removed' | 'not-found' | 'failed' | 'would-remove' | 'not-started' | 'unknown'

export interface RemovalOutcome extends RemovalItem {
  result: RemovalResult
  error?: string
}

/** On a report whose run was stopped: why (the error to end with, exit 130/143/129 or 11). Not part of its JSON. */
export const removalStopped: unique symbol = Symbol('removalStopped')

/** The hints of failures that running again will not fix (a 403, refused credentials), distinct. Not part of its JSON. */
export const removalFixes: unique symbol = Symbol('removalFixes')

/** On a dry run's report: the items selected, with what the table shows of them (status, last contact, warnings). Not part of its JSON. */
export const removalPlan: unique symbol = Symbol('removalPlan')

/** Failures that a second run may get past: no answer, 5xx and 429 after the retries, or an unexpected error. */
const transientExitCodes = new Set<number>([ExitCode.bug, ExitCode.unavailable, ExitCode.timedOut])

export interface RemovalReport {
  [removalStopped]?: CtxError
  [removalFixes]?: string[]
  [removalPlan]?: RemovalItem[]
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
  // Sets, not includes/some: 100,000 ids against 100,000 items is linear (issue 15, item 19).
  const wanted = new Set(ids)
  const foundIds = new Set(found.map((item) => item.id))
  return {selected: found.filter((item) => wanted.has(item.id)), missing: ids.filter((id) => !foundIds.has(id))}
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
  /** After a stop, how long to wait for the removals in flight. */
  stopWaitMs?: number
  /** Where entries go: the audit log file (tests inject a failing one). */
  appendAudit?: (entry: AuditEntry) => void
}

/** Why a run was stopped before its end (a signal, an audit log that cannot be written); undefined when it was not. */
export function stopError(report: RemovalReport): CtxError | undefined {
  return report[removalStopped]
}

export const defaultConcurrency = 4
export const defaultStopWaitMs = 5000

/** A stopped run ends with one of these; they carry the report, so that --json still shows every item. */
export class RemovalInterruptedError extends InterruptedError {
  constructor(
    readonly report: RemovalReport,
    reason: InterruptedError,
    auditNote = '',
  ) {
    super(`${reason.message.replace(/\.$/, '')}: ${stoppedSummary(report)}.${auditNote}`, {
      signal: reason.signal,
      hint: 'Run the same command again to finish: what is gone already is reported as not found.',
    })
  }
}

export class AuditLogError extends LocalIoError {
  constructor(
    readonly report: RemovalReport,
    cause: unknown,
    unrecorded: RemovalOutcome[],
  ) {
    super(
      `${(cause as Error).message} Removal stopped: ${stoppedSummary(report)}; not recorded there: ${unrecordedIds(unrecorded)}.`,
      {
        hint: 'Make the data folder writable (or free some space), then run the same command again to finish.',
        cause,
      },
    )
  }
}

const unrecordedIds = (unrecorded: RemovalOutcome[]) =>
  unrecorded.map((o) => `${o.id} (${o.result})`).join(', ') || 'none'

function stoppedSummary(report: RemovalReport): string {
  const count = (result: RemovalResult) => report.items.filter((i) => i.result === result).length
  const unknown = count('unknown')
  return `removed ${report.removed}, failed ${report.failed}, not started ${count('not-started')}${unknown ? `, unknown ${unknown}` : ''}`
}

function reportOf(dryRun: boolean, confirmed: boolean, items: RemovalOutcome[]): RemovalReport {
  const counts = {removed: 0, 'not-found': 0, failed: 0} as Record<RemovalResult, number>
  for (const item of items) counts[item.result] = (counts[item.result] ?? 0) + 1
  return {dryRun, confirmed, items, removed: counts.removed, notFound: counts['not-found'], failed: counts.failed}
}

export async function bulkRemove<T extends RemovalItem>(options: BulkRemoveOptions<T>): Promise<RemovalReport> {
  const missing: RemovalOutcome[] = (options.missing ?? []).map((id) => ({
    id,
    name: '',
    product: '',
    result: 'not-found',
  }))
  const plain = (item: T): RemovalItem => ({id: item.id, name: item.name, product: item.product})
  if (options.dryRun) {
    const report = reportOf(true, false, [
      ...options.selected.map((i) => ({...plain(i), result: 'would-remove' as const})),
      ...missing,
    ])
    report[removalPlan] = options.selected
    return report
  }
  // Stopped before anything was removed (while listing, or asking): nothing to report.
  options.signal?.throwIfAborted()
  if (options.selected.length > 0 && !(await options.confirm(options.selected))) return reportOf(false, false, [])
  options.signal?.throwIfAborted()

  const outcomes = new Map<T, RemovalOutcome>()
  const inFlight = new Set<T>()
  const fixes = new Set<string>()
  const append = options.appendAudit ?? ((entry: AuditEntry) => appendAuditSync(entry, auditLogPath()))
  let auditFailure: unknown
  const unrecorded: RemovalOutcome[] = []
  /** Every outcome is recorded as soon as it is known; the first entry that cannot be written stops the run. */
  const finished = (item: T, outcome: RemovalOutcome) => {
    outcomes.set(item, outcome)
    if (!options.audit) return
    const time = (options.now?.() ?? new Date()).toISOString()
    const {id, name: hostname, product, result, error} = outcome
    try {
      append({
        time,
        action: 'remove',
        kind: options.kind,
        ...options.audit,
        id,
        hostname,
        product,
        result: result as AuditEntry['result'],
        ...(error ? {error} : {}),
      })
    } catch (failure) {
      auditFailure ??= failure
      unrecorded.push(outcome)
    }
  }
  const stopping = () => options.signal?.aborted === true || auditFailure !== undefined

  let done = 0
  const removeOne = async (item: T): Promise<void> => {
    if (stopping()) return
    inFlight.add(item)
    let outcome: RemovalOutcome
    try {
      outcome = {...plain(item), result: await options.remove(item)}
    } catch (error) {
      outcome = {...plain(item), result: 'failed', error: (error as Error).message}
      if (error instanceof CtxError && !transientExitCodes.has(error.exitCode) && error.hint) fixes.add(error.hint)
    }
    inFlight.delete(item)
    if (outcomes.has(item)) return // given up on after a stop: reported and recorded as unknown already
    finished(item, outcome)
    options.onProgress?.(++done, options.selected.length)
  }
  const giveUp = () => {
    for (const item of inFlight)
      finished(item, {
        ...plain(item),
        result: 'unknown',
        error: 'in flight when ctx was stopped: Citrix Cloud may or may not have removed it',
      })
    inFlight.clear()
  }
  // A second Ctrl-C ends the process at once: the removals in flight are still recorded, as unknown.
  process.on('exit', giveUp)
  try {
    await untilDoneOrGivenUp(
      pMap(options.selected, removeOne, {concurrency: options.concurrency ?? defaultConcurrency}),
      options.signal,
      options.stopWaitMs ?? defaultStopWaitMs,
    )
    giveUp()
  } finally {
    process.removeListener('exit', giveUp)
  }

  const items = [
    ...options.selected.map((item) => outcomes.get(item) ?? {...plain(item), result: 'not-started' as const}),
    ...missing,
  ]
  const report = reportOf(false, true, items)
  if (fixes.size > 0) report[removalFixes] = [...fixes]
  const reason = options.signal?.reason
  if (options.signal?.aborted) {
    const auditNote =
      auditFailure === undefined
        ? ''
        : ` ${(auditFailure as Error).message} Not recorded there: ${unrecordedIds(unrecorded)}.`
    report[removalStopped] = new RemovalInterruptedError(
      report,
      reason instanceof InterruptedError ? reason : new InterruptedError(),
      auditNote,
    )
  } else if (auditFailure !== undefined) report[removalStopped] = new AuditLogError(report, auditFailure, unrecorded)
  return report
}

/** Resolves when `work` is done, or `waitMs` after the signal aborts, whichever comes first. */
async function untilDoneOrGivenUp(
  work: Promise<unknown>,
  signal: AbortSignal | undefined,
  waitMs: number,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  const givenUp = new Promise<void>((resolve) => {
    onAbort = () => (timer = setTimeout(resolve, waitMs))
    if (signal?.aborted) onAbort()
    else signal?.addEventListener('abort', onAbort, {once: true})
  })
  try {
    await Promise.race([work, givenUp])
  } finally {
    clearTimeout(timer)
    if (onAbort) signal?.removeEventListener('abort', onAbort)
  }
}
