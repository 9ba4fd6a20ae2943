import {CtxError, LocalIoError} from '../errors.js'

// Failures of the machine ctx runs on, not of ctx: a full disk, a read-only file system, a folder
// ctx may not write. Each becomes one line and exit 11 (design.md), never "a bug in ctx".

const reasons: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for the file system',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOENT: 'the folder does not exist',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EEXIST: 'a file of that name is in the way',
}

const hints: Record<string, string> = {
  ENOSPC: 'Free some space, or write somewhere else.',
  EDQUOT: 'Free some space, or write somewhere else.',
  EFBIG: 'Write to another file system.',
  EROFS: 'Write to a writable folder.',
  EACCES: 'Check the permissions of the folder, or write somewhere else.',
  EPERM: 'Check the permissions of the folder, or write somewhere else.',
}

/** The error's system code when it is a failure of the local machine's files, else undefined. */
export function localIoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code !== undefined && code in reasons ? code : undefined
}

/** "no space left on the device (ENOSPC)": the reason without the temporary file's name the system's message carries. */
export function localIoReason(error: unknown): string {
  const code = localIoCode(error)
  return code ? `${reasons[code]} (${code})` : ((error as Error)?.message ?? String(error))
}

/**
 * A LocalIoError (exit 11) for a failure of the local machine's files; any other error is returned
 * as it is (and so is any error of ctx's own). `what` says what could not be done: "Cannot write /tmp/users.csv".
 */
export function asLocalIoError(error: unknown, what: string, options: {hint?: string} = {}): unknown {
  if (error instanceof CtxError) return error
  const code = localIoCode(error)
  if (!code) return error
  return new LocalIoError(`${what}: ${localIoReason(error)}.`, {hint: options.hint ?? hints[code], cause: error})
}
