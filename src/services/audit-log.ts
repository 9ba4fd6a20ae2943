import {closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {dataDir} from '../config/paths.js'
import {LocalIoError} from '../errors.js'
import {ensureFolder} from '../util/folders.js'
import {localIoReason} from '../util/local-io.js'

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
  /** `unknown`: the request was in flight when ctx was stopped; Citrix Cloud may or may not have done it. */
  result: 'registered' | 'removed' | 'not-found' | 'failed' | 'unknown'
  error?: string
}

export function auditLogPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'audit.jsonl')
}

/** Appends one entry; a file that cannot be written is a LocalIoError (exit 11) naming the log. */
export async function appendAudit(entry: AuditEntry, path = auditLogPath()): Promise<void> {
  appendAuditSync(entry, path)
}

/**
 * Synchronous, so that it also runs in a process 'exit' hook (a second Ctrl-C ends at once). A line
 * a full disk cut short is taken back, and a line torn by a crash before never swallows the next one.
 */
export function appendAuditSync(entry: AuditEntry, path = auditLogPath()): void {
  const line = Buffer.from(`${JSON.stringify(entry)}\n`)
  try {
    ensureFolder(dirname(path))
    const fd = openSync(path, 'a+', 0o600)
    try {
      const {size} = fstatSync(fd)
      const data = size > 0 && !endsWithNewline(fd, size) ? Buffer.concat([Buffer.from('\n'), line]) : line
      try {
        for (let written = 0; written < data.length;) written += writeSync(fd, data, written)
      } catch (error) {
        // Take back the part that went through, unless another ctx appended meanwhile.
        const now = fstatSync(fd).size
        if (now > size && now < size + data.length) {
          try {
            ftruncateSync(fd, size)
          } catch {
            // A device or a file system that cannot truncate: readAudit skips the torn line.
          }
        }
        throw error
      }
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    throw new LocalIoError(`Cannot write the audit log ${path}: ${localIoReason(error)}.`, {cause: error})
  }
}

function endsWithNewline(fd: number, size: number): boolean {
  const last = Buffer.alloc(1)
  return readSync(fd, last, 0, 1, size - 1) === 1 && last[0] === 0x0a
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
