// Typed errors, classed by who must act, and the exit codes of design.md.
// The base command maps every thrown error to one of these in one place.

export const ExitCode = {
  ok: 0,
  bug: 1,
  usage: 2,
  config: 3,
  auth: 4,
  permission: 5,
  notFound: 6,
  conflict: 7,
  unavailable: 8,
  timedOut: 9,
  partialFailure: 10,
  localIo: 11,
  /** 128 + the signal's number, as shells report a process ended by it. */
  hangup: 129,
  interrupted: 130,
  terminated: 143,
} as const

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

export interface CtxErrorOptions {
  hint?: string
  cause?: unknown
}

export class CtxError extends Error {
  readonly exitCode: ExitCodeValue
  readonly hint?: string

  constructor(message: string, exitCode: ExitCodeValue, options: CtxErrorOptions = {}) {
    super(message, {cause: options.cause})
    this.name = new.target.name
    this.exitCode = exitCode
    this.hint = options.hint
  }
}

/** The user typed something wrong, or a prompt was needed without a terminal. */
export class UsageError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.usage, options)
  }
}

/** No credentials, no profile, or a config file that cannot be read. */
export class ConfigError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.config, options)
  }
}

export class AuthError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.auth, options)
  }
}

export class NotFoundError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.notFound, options)
  }
}

export class ConflictError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.conflict, options)
  }
}

/** The service or the network failed after every retry; TLS failures too. */
export class UnavailableError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.unavailable, options)
  }
}

export class TimedOutError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.timedOut, options)
  }
}

/** Some items of a bulk operation failed; each one was reported before this is thrown. */
export class PartialFailureError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.partialFailure, options)
  }
}

/** A local file or folder cannot be written or read: disk full, read-only file system, permission denied. */
export class LocalIoError extends CtxError {
  constructor(message: string, options?: CtxErrorOptions) {
    super(message, ExitCode.localIo, options)
  }
}

/** The signals ctx ends on, cleaning up first, and the exit code of each (128 + its number). */
export const stopSignals = {
  SIGINT: ExitCode.interrupted,
  SIGTERM: ExitCode.terminated,
  SIGHUP: ExitCode.hangup,
} as const
export type StopSignal = keyof typeof stopSignals

const signalMessages: Record<StopSignal, string> = {
  SIGINT: 'Interrupted.',
  SIGTERM: 'Terminated (SIGTERM).',
  SIGHUP: 'Hung up (SIGHUP).',
}

/** Ctrl-C (SIGINT), SIGTERM or SIGHUP: exit 130, 143 or 129. */
export class InterruptedError extends CtxError {
  readonly signal: StopSignal

  constructor(message?: string, options: CtxErrorOptions & {signal?: StopSignal} = {}) {
    const signal = options.signal ?? 'SIGINT'
    super(message ?? signalMessages[signal], stopSignals[signal], options)
    this.signal = signal
  }
}

/**
 * An error answer from a Citrix API. It keeps what support asks for: the HTTP status,
 * Citrix's own `detail`, and the transaction id.
 */
export class CitrixApiError extends CtxError {
  readonly status: number
  readonly detail: string
  readonly errorType?: string
  readonly transactionId?: string
  readonly parameters: Record<string, string>

  constructor(fields: {
    status: number
    detail: string
    errorType?: string
    transactionId?: string
    parameters?: Record<string, string>
    exitCode: ExitCodeValue
    hint?: string
    message?: string
  }) {
    const txn = fields.transactionId ? ` (transaction id ${fields.transactionId})` : ''
    super(fields.message ?? `Citrix Cloud answered ${fields.status}: ${fields.detail}${txn}`, fields.exitCode, {
      hint: fields.hint,
    })
    this.status = fields.status
    this.detail = fields.detail
    this.errorType = fields.errorType
    this.transactionId = fields.transactionId
    this.parameters = fields.parameters ?? {}
  }
}

export function exitCodeForStatus(status: number): ExitCodeValue {
  if (status === 400 || status === 406 || status === 422) return ExitCode.usage
  if (status === 401) return ExitCode.auth
  if (status === 403) return ExitCode.permission
  if (status === 404) return ExitCode.notFound
  if (status === 409) return ExitCode.conflict
  return ExitCode.unavailable
}

/** The exit-code table of design.md, shown by `ctx help` (and kept in the README). */
export const exitCodeMeanings: ReadonlyArray<[ExitCodeValue, string]> = [
  [ExitCode.ok, 'success'],
  [ExitCode.bug, 'unexpected error (a bug: the stack only with --debug)'],
  [ExitCode.usage, 'usage: bad flag, argument or input value; a prompt was needed but there is no terminal'],
  [ExitCode.config, 'configuration: no credentials or profile, unreadable config'],
  [ExitCode.auth, 'authentication failed (bad client id/secret, bad appliance password)'],
  [ExitCode.permission, 'permission denied (403)'],
  [ExitCode.notFound, 'not found (404: code unknown or expired, registration, resource location)'],
  [ExitCode.conflict, 'conflict: already registered, code already used'],
  [ExitCode.unavailable, 'service unavailable or rate limited after all retries; network or TLS failure'],
  [ExitCode.timedOut, 'timed out waiting (--wait), or the code expired while waiting'],
  [ExitCode.partialFailure, 'partial failure: some items of a bulk operation failed (each one reported)'],
  [
    ExitCode.localIo,
    'local I/O failure: disk full, read-only file system, permission denied on a local file (nothing half-written left)',
  ],
  [ExitCode.hangup, 'hung up (SIGHUP); cleaned up as for Ctrl-C'],
  [ExitCode.interrupted, 'interrupted (Ctrl-C); no half-written output file is left behind'],
  [ExitCode.terminated, 'terminated (SIGTERM); cleaned up as for Ctrl-C'],
]
