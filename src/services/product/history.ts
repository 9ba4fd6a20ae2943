import {readAudit, type AuditEntry} from '../audit-log.js'
import {parseDateOrDuration} from '../selection.js'

export interface HistoryFilters {
  /** `register` or `remove`. */
  action?: AuditEntry['action']
  /** A date (2026-11-01) or a duration back from now (7d). */
  since?: string
  /** Only what was done with this profile. */
  profile?: string
  limit?: number
  path?: string
}

/** The audit log, newest first, filtered, then at most the newest `limit` entries. */
export async function readProductHistory(options: HistoryFilters = {}, now = new Date()): Promise<AuditEntry[]> {
  const since = options.since === undefined ? undefined : parseDateOrDuration(options.since, '--since', now).getTime()
  const entries = (await readAudit(options.path))
    .reverse()
    .filter(
      (e) =>
        (options.action === undefined || e.action === options.action) &&
        (options.profile === undefined || e.profile === options.profile) &&
        (since === undefined || Date.parse(e.time) >= since),
    )
  return options.limit ? entries.slice(0, options.limit) : entries
}
