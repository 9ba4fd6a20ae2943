import {existsSync, mkdirSync} from 'node:fs'
import {dirname} from 'node:path'

/**
 * Creates `dir` and any missing parent with `mode` (0700 by default: ctx's folders hold secrets,
 * tokens and the audit log). Node's recursive mkdir reports ENOENT on a read-only file system;
 * the error thrown here carries the real code (EROFS, EACCES), so that it can be told apart.
 */
export function ensureFolder(dir: string, mode = 0o700): void {
  try {
    mkdirSync(dir, {recursive: true, mode})
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    let missing = dir
    while (dirname(missing) !== missing && !existsSync(dirname(missing))) missing = dirname(missing)
    mkdirSync(missing, {mode}) // throws the real reason
    throw error
  }
}
