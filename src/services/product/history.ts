import {readAudit, type AuditEntry} from '../audit-log.js'

/** The audit log, newest first, optionally only the last `limit` entries. */
export async function readProductHistory(options: {limit?: number; path?: string} = {}): Promise<AuditEntry[]> {
  const entries = (await readAudit(options.path)).reverse()
  return options.limit ? entries.slice(0, options.limit) : entries
}
