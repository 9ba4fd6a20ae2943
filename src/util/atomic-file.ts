import {readFile} from 'node:fs/promises'
import {dirname} from 'node:path'

import {ensureFolder} from './folders.js'

/** Writes to a temporary file beside `path` and renames it, so readers never see half a file. */
export async function writeJsonAtomic(path: string, value: unknown, mode = 0o600): Promise<void> {
  ensureFolder(dirname(path))
  // Loaded on the first write: a command that only reads (a cached token, say) never needs it.
  const {default: writeFileAtomic} = await import('write-file-atomic')
  await writeFileAtomic(path, JSON.stringify(value, null, 2) + '\n', {mode})
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
