import {appendFile, mkdir, readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {dataDir} from '../config/paths.js'

// The local record of what ctx registered and removed: one JSON document a line in the data dir,
// appended (never rewritten), so that concurrent runs and crashes lose at most their own line.

export interface AuditEntry {
  time: string
  action: 'register' | 'remove'
  kind: 'product' | 'connector'
  profile: string
  customer: string
  id: string
  hostname: string
  product: string
  result: 'registered' | 'removed' | 'not-found' | 'failed'
  error?: string
}

export function auditLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'audit.jsonl')
}

export async function appendAudit(entry: AuditEntry, path = auditLogPath()): Promise<void> {
  await mkdir(dirname(path), {recursive: true, mode: 0o700})
  await appendFile(path, `${JSON.stringify(entry)}\n`, {mode: 0o600})
}

/** Every entry, oldest first; a damaged line (a crash mid-write) is skipped rather than failing the whole log. */
export async function readAudit(path = auditLogPath()): Promise<AuditEntry[]> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return []
    try {
      return [JSON.parse(line) as AuditEntry]
    } catch {
      return []
    }
  })
}

/** Who did it, for every entry of one run. */
export interface AuditContext {
  profile: string
  customer: string
}
