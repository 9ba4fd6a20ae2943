import {randomBytes} from 'node:crypto'
import {link, readFile, rm, stat} from 'node:fs/promises'
import {join} from 'node:path'

import lockfile from 'proper-lockfile'
import writeFileAtomic from 'write-file-atomic'

import {readJsonIfExists, writeJsonAtomic} from '../../util/atomic-file.js'
import {freshState} from './seed.js'
import type {SandboxSettings} from './settings.js'
import type {SandboxState} from './types.js'

/**
 * The sandbox's state on disk: read by every request, changed under a lock (one process or
 * several sharing the data dir), and written atomically, so concurrent invocations never corrupt it.
 */
export class SandboxStore {
  readonly path: string
  /** The parsed state and the text it came from, keyed by the file's identity. */
  private cached?: {key: string; state: SandboxState; text: string}
  private queue: Promise<unknown> = Promise.resolve()
  private waiting: Array<{
    change: (state: SandboxState) => unknown
    resolve: (value: unknown) => void
    reject: (error: unknown) => void
  }> = []
  private committing?: Promise<void>

  constructor(readonly dir: string) {
    this.path = join(dir, 'state.json')
  }

  /** Creates the state when there is none (or always, with reset) and returns it. */
  async open(settings: SandboxSettings, options: {reset?: boolean} = {}): Promise<SandboxState> {
    return this.exclusive(async () => {
      const existing = options.reset ? undefined : await readJsonIfExists<SandboxState>(this.path)
      if (existing?.version === 1) return existing
      const state = freshState(settings)
      await this.write(state)
      return state
    })
  }

  async read(): Promise<SandboxState> {
    return (await this.current()).state
  }

  /**
   * Runs `change` on the newest state and saves what it leaves, all under the lock. Changes that
   * arrive while a save is under way are applied together and saved once (a group commit), so that
   * concurrent requests do not each pay for writing a state of megabytes.
   */
  update<T>(change: (state: SandboxState) => T): Promise<T> {
    const done = new Promise<T>((resolve, reject) => {
      this.waiting.push({change, resolve: resolve as (value: unknown) => void, reject})
    })
    this.committing ??= this.commitWaiting().finally(() => (this.committing = undefined))
    return done
  }

  private async commitWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      await this.exclusive(async () => {
        let batch = this.waiting.splice(0)
        try {
          for (;;) {
            // A fresh copy parsed from the saved text (cheaper than structuredClone), never the
            // object earlier readers hold. A change that throws is dropped and the rest re-applied.
            const state = JSON.parse((await this.current()).text) as SandboxState
            const results: unknown[] = []
            const failed = batch.findIndex((item) => {
              try {
                results.push(item.change(state))
                return false
              } catch (error) {
                item.reject(error)
                return true
              }
            })
            if (failed >= 0) {
              batch = batch.filter((_, i) => i !== failed)
              continue
            }
            await this.write(state)
            batch.forEach((item, i) => item.resolve(results[i]))
            return
          }
        } catch (error) {
          for (const item of batch) item.reject(error)
        }
      }).catch((error: unknown) => {
        // The lock could not be taken: nothing was applied, so everything waiting fails.
        for (const item of this.waiting.splice(0)) item.reject(error)
      })
    }
  }

  private async current(): Promise<{state: SandboxState; text: string}> {
    const key = await this.fileKey()
    if (this.cached?.key === key) return this.cached
    const text = await readFile(this.path, 'utf8')
    this.cached = {key, state: JSON.parse(text) as SandboxState, text}
    return this.cached
  }

  /** Compact and without fsync: a simulator's state needs atomic renames, not durability. */
  private async write(state: SandboxState): Promise<void> {
    this.cached = undefined
    const text = JSON.stringify(state)
    await writeFileAtomic(this.path, text, {mode: 0o600, fsync: false})
    this.cached = {key: await this.fileKey(), state, text}
  }

  private async fileKey(): Promise<string> {
    const info = await stat(this.path)
    return `${info.ino}:${info.mtimeMs}:${info.size}`
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await writeJsonAtomicIfMissing(this.path)
      const release = await lockfile.lock(this.path, {
        retries: {retries: 200, minTimeout: 5, maxTimeout: 50},
        stale: 10_000,
        realpath: false,
      })
      try {
        return await work()
      } finally {
        await release()
      }
    })
    this.queue = run.catch(() => undefined)
    return run
  }
}

// proper-lockfile locks an existing path; an empty placeholder is made once, before the first state.
// It is linked into place (which fails if the path exists), so that a process starting at the same
// moment can never replace a state another one has just written.
async function writeJsonAtomicIfMissing(path: string): Promise<void> {
  try {
    await stat(path)
    return
  } catch {
    // missing: make the placeholder below
  }
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.placeholder`
  await writeJsonAtomic(temp, {})
  try {
    await link(temp, path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  } finally {
    await rm(temp, {force: true})
  }
}
