import {createWriteStream, rmSync} from 'node:fs'
import {rename, rm} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import {finished} from 'node:stream/promises'
import type {Writable} from 'node:stream'

import {UsageError} from '../errors.js'

/**
 * Where an export goes: stdout, or a file written to a temporary file beside it and renamed only
 * when complete, so that an interrupted or failed export leaves no partial file and the old file
 * stays intact.
 */
export interface Destination {
  stream: Writable
  /** The file's final path; undefined for stdout. */
  path?: string
  commit(): Promise<void>
  discard(): Promise<void>
  /**
   * Removes the temporary file at once, synchronously: called the moment Ctrl-C aborts, because
   * the process may end before any await resumes (a second SIGINT, which signal-exit re-raises).
   */
  discardNow(): void
}

export function stdoutDestination(stream: Writable = process.stdout): Destination {
  return {stream, commit: async () => {}, discard: async () => {}, discardNow() {}}
}

export async function fileDestination(path: string): Promise<Destination> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.partial`)
  const stream = createWriteStream(temporary, {flags: 'wx'})
  try {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve())
      stream.once('error', reject)
    })
  } catch (error) {
    throw new UsageError(`Cannot write to ${path}: ${(error as Error).message}`, {hint: 'Check that the folder exists and is writable.'})
  }
  return {
    stream,
    path,
    async commit() {
      stream.end()
      await finished(stream)
      await rename(temporary, path)
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
