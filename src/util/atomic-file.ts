import {mkdir, readFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import writeFileAtomic from 'write-file-atomic'

/** Writes to a temporary file beside `path` and renames it, so readers never see half a file. */
export async function writeJsonAtomic(path: string, value: unknown, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), {recursive: true, mode: 0o700})
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n', {mode})
}

/**
 * Writes text (UTF-8) to a temporary file beside `path` and renames it: the file is complete or
 * absent, and an older file of that name stays intact until then. The folder must exist.
 */
export async function writeTextAtomic(path: string, text: string, mode = 0o644): Promise<void> {
  await writeFileAtomic(path, text, {mode, encoding: 'utf8'})
}

/** Reads a JSON file, or `undefined` when it does not exist. A file that does exist but is not JSON throws. */
export async function readJsonIfExists<T>(path: string): Promise<T | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return JSON.parse(text) as T
}
