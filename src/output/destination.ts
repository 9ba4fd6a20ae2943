import {once} from 'node:events'
import {constants, createWriteStream, rmSync, type Stats} from 'node:fs'
import {access, chmod, lstat, readdir, realpath, rename, rm, stat} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {finished} from 'node:stream/promises'
import type {Writable} from 'node:stream'

import {UsageError} from '../errors.js'
import {asLocalIoError} from '../util/local-io.js'

/**
 * Where an export goes: stdout, or a file written to a temporary file beside it and renamed only
 * when complete, so that an interrupted or failed export leaves no partial file and the old file
 * stays intact.
 */
export interface Destination {
  stream: Writable
  /** The file's final path; undefined for stdout. */
  path?: string
  /**
   * Rejects as soon as the stream fails (a full disk: a LocalIoError, exit 11), and never resolves.
   * A writer waiting for 'drain' on a failed stream would wait forever: race every wait against it.
   */
  failed: Promise<never>
  commit(): Promise<void>
  discard(): Promise<void>
  /**
   * Removes the temporary file at once, synchronously: called the moment Ctrl-C aborts, because
   * the process may end before any await resumes (a second SIGINT, which signal-exit re-raises).
   */
  discardNow(): void
}

/**
 * What `--out` names, checked before the first request, so that a bad target fails at once rather
 * than after every row was fetched:
 * - `stdout`: no `--out`, or `--out -`;
 * - `file`: a regular file (or none yet) in an existing folder, written atomically (temporary file, rename);
 * - `stream`: a FIFO or a character device (a named pipe, `/dev/null`, `/dev/fd/N` of a shell's process
 *   substitution), written straight into, as stdout is: it cannot be renamed onto.
 * A folder, a symbolic link to a file (the rename would replace the link itself), a dangling link, a
 * socket or a block device is refused with exit 2; a folder that cannot be written is exit 11.
 */
export type OutTarget = {kind: 'stdout'} | {kind: 'file'; path: string} | {kind: 'stream'; path: string}

/** The mode of files ctx creates with `--out` (they hold user names): owner only. */
export const defaultFileMode = 0o600

async function statOrUndefined(path: string, how: (path: string) => Promise<Stats>): Promise<Stats | undefined> {
  try {
    return await how(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw asLocalIoError(error, `Cannot use ${path}`)
  }
}

export async function checkOutTarget(out: string | undefined): Promise<OutTarget> {
  if (out === undefined || out === '-') return {kind: 'stdout'}
  const target = await statOrUndefined(out, stat)
  if (target?.isDirectory())
    throw new UsageError(`--out ${out} is a folder.`, {hint: 'Name a file, such as users.csv in that folder.'})
  if (target && (target.isFIFO() || target.isCharacterDevice())) return {kind: 'stream', path: out}
  if (target && !target.isFile())
    throw new UsageError(`--out ${out} is neither a file nor a pipe.`, {hint: 'Name a file.'})
  const link = await statOrUndefined(out, lstat)
  if (link?.isSymbolicLink()) {
    if (!target)
      throw new UsageError(`--out ${out} is a symbolic link to a file that does not exist.`, {
        hint: 'Name the file itself.',
      })
    throw new UsageError(
      `--out ${out} is a symbolic link: ctx replaces a file whole, which would replace the link itself.`,
      {
        hint: `Name the file it points to: ${await realpath(out)}`,
      },
    )
  }
  const folder = dirname(out)
  const parent = await statOrUndefined(folder, stat)
  if (!parent)
    throw new UsageError(`Cannot write ${out}: the folder ${folder} does not exist.`, {
      hint: 'Create it first, or name another folder.',
    })
  if (!parent.isDirectory()) throw new UsageError(`Cannot write ${out}: ${folder} is not a folder.`)
  try {
    await access(folder, constants.W_OK)
  } catch (error) {
    throw asLocalIoError(error, `Cannot write to the folder ${folder}`)
  }
  return {kind: 'file', path: out}
}

export async function openDestination(target: OutTarget, options: {mode?: number} = {}): Promise<Destination> {
  if (target.kind === 'stdout') return stdoutDestination()
  if (target.kind === 'stream') return streamDestination(target.path)
  return fileDestination(target.path, options)
}

/** Writes `text` whole: to a file atomically (temporary file, then rename), straight into a pipe or stdout. */
export async function writeWhole(target: OutTarget, text: string, options: {mode?: number} = {}): Promise<void> {
  const destination = await openDestination(target, options)
  try {
    const written = destination.stream.write(text) ? Promise.resolve() : once(destination.stream, 'drain')
    await Promise.race([written, destination.failed])
    await destination.commit()
  } catch (error) {
    await destination.discard()
    throw asLocalIoError(error, `Cannot write ${target.kind === 'stdout' ? 'to stdout' : target.path}`)
  }
}

export function stdoutDestination(stream: Writable = process.stdout): Destination {
  return {
    stream,
    failed: new Promise<never>(() => {}),
    commit: async () => {},
    discard: async () => {},
    discardNow() {},
  }
}

/** Rejects with the stream's first error, as a LocalIoError when the machine is at fault. */
function failureOf(stream: Writable, path: string): Promise<never> {
  const failed = new Promise<never>((_resolve, reject) => {
    // `on`, not `once`: a second error with no listener would crash the process.
    stream.on('error', (error) => reject(asLocalIoError(error, `Cannot write ${path}`)))
  })
  failed.catch(() => {}) // awaited by whoever writes; not an unhandled rejection meanwhile
  return failed
}

/** Ends the stream and waits until all of it is written (a full disk may say so only now). */
async function ended(stream: Writable, failed: Promise<never>, path: string): Promise<void> {
  stream.end()
  try {
    await Promise.race([finished(stream), failed])
  } catch (error) {
    throw asLocalIoError(error, `Cannot write ${path}`)
  }
}

/** A pipe or a device: written straight into, nothing to rename or to remove. */
async function streamDestination(path: string): Promise<Destination> {
  const stream = createWriteStream(path, {flags: 'w'})
  const failed = failureOf(stream, path)
  await Promise.race([new Promise<void>((resolve) => stream.once('open', () => resolve())), failed])
  return {
    stream,
    path,
    failed,
    async commit() {
      await ended(stream, failed, path)
    },
    async discard() {
      stream.destroy()
    },
    discardNow() {
      stream.destroy()
    },
  }
}

/** `.users.csv.<pid>.<time>.partial`: the writer's pid in the name tells a stale one from a live one. */
function partialName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.partial`)
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the partial files of `path` left by an export whose process is gone (SIGKILL, a crash, a
 * power cut): those whose pid no longer runs. Another export writing the same file meanwhile keeps its
 * own. Best effort: returns the names removed.
 */
export async function removeStalePartials(path: string): Promise<string[]> {
  const prefix = `.${basename(path)}.`
  let names: string[]
  try {
    names = await readdir(dirname(path))
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue
    const pid = /^(\d+)\.[0-9a-z]+$/.exec(name.slice(prefix.length, -'.partial'.length))?.[1]
    if (!pid || Number(pid) === process.pid || isRunning(Number(pid))) continue
    try {
      await rm(join(dirname(path), name), {force: true})
      removed.push(name)
    } catch {
      // Someone else's to remove (another user's folder): leave it.
    }
  }
  return removed
}

/** The mode of an existing file, which a new version keeps; undefined when there is none. */
async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777
  } catch {
    return undefined
  }
}

/**
 * A file written to a temporary file beside it and renamed onto it when complete. Its mode is
 * `mode` when given, else the existing file's (an 0600 file stays 0600), else 0600; set with chmod,
 * so that the umask does not change an explicit mode.
 */
export async function fileDestination(path: string, options: {mode?: number} = {}): Promise<Destination> {
  await removeStalePartials(path)
  const mode = options.mode ?? (await existingMode(path)) ?? defaultFileMode
  const temporary = partialName(path)
  const stream = createWriteStream(temporary, {flags: 'wx', mode: 0o600})
  const failed = failureOf(stream, path)
  try {
    await Promise.race([new Promise<void>((resolve) => stream.once('open', () => resolve())), failed])
    await chmod(temporary, mode)
  } catch (error) {
    stream.destroy()
    await rm(temporary, {force: true})
    const cause = (error as Error).cause ?? error
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UsageError(`Cannot write ${path}: the folder does not exist.`, {
        hint: 'Check that the folder exists and is writable.',
      })
    }
    throw asLocalIoError(cause, `Cannot write ${path}`)
  }
  return {
    stream,
    path,
    failed,
    async commit() {
      await ended(stream, failed, path)
      try {
        await rename(temporary, path)
      } catch (error) {
        throw asLocalIoError(error, `Cannot write ${path}`)
      }
    },
    async discard() {
      stream.destroy()
      await rm(temporary, {force: true})
    },
    discardNow() {
      stream.destroy()
      rmSync(temporary, {force: true})
    },
  }
}
