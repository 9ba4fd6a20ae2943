import {dirname} from 'node:path'

import lockfile from 'proper-lockfile'

import {ConfigError, LocalIoError} from '../errors.js'
import {ensureFolder} from '../util/folders.js'
import {localIoReason} from '../util/local-io.js'

export interface ConfigLockOptions {
  /** How long to wait for another ctx to finish its change before giving up. */
  waitMs?: number
  /** A lock older than this belongs to a ctx that was killed while holding it, and is taken over. */
  staleMs?: number
}

// A change holds the lock for milliseconds; the wait outlasts `stale`, so a dead holder's lock is
// always taken over before anyone gives up.
const defaults = {waitMs: 10_000, staleMs: 5_000}

// Codes that say the folder cannot take the lock (or any file): the machine's, not a bug (exit 11).
const notWritable = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR'])

/**
 * Runs `work` while holding a cross-process lock on `file` (a `<file>.lock` folder, proper-lockfile),
 * so that a read-modify-write by one ctx never overwrites what another saved meanwhile. Synchronous
 * on purpose: the store's read-modify-write under it is too, so nothing else in this process can
 * interleave with the change.
 */
export function withConfigLock<T>(file: string, work: () => T, options: ConfigLockOptions = {}): T {
  const release = acquire(file, {...defaults, ...options})
  try {
    return work()
  } finally {
    release()
  }
}

function acquire(file: string, {waitMs, staleMs}: Required<ConfigLockOptions>): () => void {
  const lockPath = `${file}.lock`
  const deadline = Date.now() + waitMs
  for (;;) {
    try {
      ensureFolder(dirname(file))
      return lockfile.lockSync(file, {lockfilePath: lockPath, realpath: false, stale: staleMs})
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ELOCKED') throw configNotWritable(file, error)
      if (Date.now() >= deadline) {
        throw new ConfigError(
          `Another ctx kept the config file ${file} locked for ${Math.round(waitMs / 1000)} s; nothing was saved.`,
          {
            hint: `Try again. If no other ctx is running, remove ${lockPath}.`,
            cause: error,
          },
        )
      }
      // A short random pause, so that waiting processes do not all retry at the same moment.
      sleepSync(5 + Math.random() * 20)
    }
  }
}

/**
 * A config folder or file that cannot be written: a local I/O failure (exit 11) with the path, the
 * reason, and nothing saved; an unknown failure stays a bug.
 */
export function configNotWritable(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (!code || !notWritable.has(code)) return error
  return new LocalIoError(`The config file ${file} cannot be written: ${localIoReason(error)}; nothing was saved.`, {
    hint: `Make ${dirname(file)} writable, or point CTX_CONFIG_DIR at a writable folder.`,
    cause: error,
  })
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
