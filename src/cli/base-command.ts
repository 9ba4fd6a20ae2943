import {Command, Errors, Flags, type Interfaces} from '@oclif/core'
import type {CitrixClient} from '../citrix/client.js'
import type {Settings} from '../config/settings.js'
import type {ConfigStore} from '../config/store.js'
import {format} from 'node:util'

import {CtxError, ExitCode, InterruptedError, stopSignals, type StopSignal} from '../errors.js'
import {redactSecretsDeep, registerEnvironmentSecrets} from '../http/redact.js'
import {configureColor, paint} from '../output/colors.js'
import {terminalText} from '../output/terminal-text.js'
import {CommandContext} from './context.js'
import {exitWhenDrained} from './exit.js'
import {canonicalOptionCase} from './option-case.js'
import {plainParseError} from './parse-errors.js'
import {withProfile} from './profile-hints.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<
  (typeof BaseCommand)['baseFlags'] & T['flags']
>
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

/** What every error becomes on its way out: one line, a hint, an exit code (and JSON under --json). */
export interface ErrorReport {
  exitCode: number
  message: string
  hint?: string
  status?: number
  detail?: string
  transactionId?: string
}

const ignoreSignal = () => {}

/**
 * The one funnel to the terminal (issue 15, items 6 and 10): what ctx prints passes here, so that a
 * string a server or a file sent (a host name, Citrix's `detail`, an audit line) never carries control
 * characters or escape sequences, and no known secret is printed, whatever key it came under.
 */
const forTerminal = (text: string): string => terminalText(text, {keepNewlines: true, keepColor: true})
/** Errors and warnings are one line of ctx's words around what a server said: no colour, no line breaks of theirs. */
const oneLine = (text: string): string => terminalText(text)

export function reportFor(error: unknown, command?: string): ErrorReport {
  if (error instanceof CtxError) {
    const report: ErrorReport = {exitCode: error.exitCode, message: error.message, hint: error.hint}
    const api = error as CtxError & {status?: number; detail?: string; transactionId?: string}
    if (api.status !== undefined)
      Object.assign(report, {status: api.status, detail: api.detail, transactionId: api.transactionId})
    return report
  }
  const oclifExit = (error as {oclif?: {exit?: number}}).oclif?.exit
  if (oclifExit !== undefined && error instanceof Errors.CLIError) {
    // oclif's own parse errors (unknown flag, missing argument, bad option): a usage error.
    return {
      exitCode: oclifExit === 2 ? ExitCode.usage : oclifExit,
      message: plainParseError(error.message, command),
      hint: `See ${command ? `ctx ${command} ` : ''}--help.`,
    }
  }
  return {
    exitCode: ExitCode.bug,
    message: `Unexpected error: ${(error as Error)?.message ?? String(error)}`,
    hint: 'This is a bug in ctx. Run again with --debug for the stack trace, and report it.',
  }
}

/**
 * Every ctx command extends this: the global flags, settings resolved flag > env > profile > default,
 * the --sandbox switch, and the one funnel that turns errors into exit codes.
 */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static enableJsonFlag = true
  /** A command that reports an unreadable config itself (`ctx doctor`'s config check) sets this. */
  static reportsConfig = false

  static baseFlags = {
    profile: Flags.string({description: 'profile to use (env CTX_PROFILE; default "default")', helpGroup: 'GLOBAL'}),
    debug: Flags.boolean({
      description: 'log HTTP requests and answers to stderr, secrets redacted',
      helpGroup: 'GLOBAL',
    }),
    'no-color': Flags.boolean({
      description: 'no colour (also NO_COLOR; off anyway when not a terminal)',
      helpGroup: 'GLOBAL',
    }),
    sandbox: Flags.boolean({description: 'run against the built-in sandbox (env CTX_SANDBOX=1)', helpGroup: 'GLOBAL'}),
    'api-url': Flags.string({
      description: 'send every Citrix Cloud call to this origin (env CTX_API_URL)',
      helpGroup: 'GLOBAL',
    }),
    'ca-bundle': Flags.string({description: 'PEM file of extra trusted CAs (env CTX_CA_BUNDLE)', helpGroup: 'GLOBAL'}),
    'max-retries': Flags.integer({
      description: 'retries on 429, 5xx and network errors (default 4)',
      min: 0,
      max: 20,
      helpGroup: 'GLOBAL',
    }),
    'rate-limit': Flags.string({
      description: 'Citrix Cloud requests a second, pinned (env CTX_RATE_LIMIT; default: learned)',
      helpGroup: 'GLOBAL',
    }),
  }

  protected flags!: BaseFlags<T>
  protected args!: BaseArgs<T>
  /** Aborted on Ctrl-C; long-running services watch it and clean up (exit 130). */
  protected readonly abort = new AbortController()
  /** The profile, settings, clients and token caches of this run, each made once when first used. */
  protected context!: CommandContext
  /** Commands that watch `abort.signal` (and clean up) set this; others end on Ctrl-C once their output is out. */
  protected interruptible = false
  private interruptedAt = 0
  /** SIGINT (Ctrl-C), SIGTERM and SIGHUP alike: clean up, then exit 130, 143 or 129. */
  private onSigint = (signal: NodeJS.Signals) => {
    const code = stopSignals[signal as StopSignal] ?? ExitCode.interrupted
    if (this.interruptedAt > 0 || this.abort.signal.aborted) {
      // A second signal forces the exit, at once: the user insists. One arriving at once is not a
      // person's: signal-exit (loaded by write-file-atomic) re-raises the first signal, and cleanup must still run.
      if (Date.now() - this.interruptedAt > 500) process.exit(code)
      return
    }
    this.interruptedAt = Date.now()
    if (this.interruptible) {
      this.abort.abort(new InterruptedError(undefined, {signal: signal as StopSignal}))
      // A command that cannot act on it now (waiting on a prompt) still ends, a little later.
      setTimeout(() => void exitWhenDrained(code, {limitMs: 1000}), 10_000).unref()
      return
    }
    // Nothing to clean up: end now, but let what was printed reach its reader first. The wait is
    // bounded, since a reader in the same pipeline got the Ctrl-C too and may be gone.
    void exitWhenDrained(code, {limitMs: 1000})
  }

  override async init(): Promise<void> {
    await super.init()
    this.argv = canonicalOptionCase(this.argv, {
      ...(super.ctor as typeof BaseCommand).baseFlags,
      ...this.ctor.flags,
    } as Record<string, {type?: string; options?: readonly string[]}>)
    const {flags, args} = await this.parse({
      flags: this.ctor.flags,
      baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
      enableJsonFlag: this.ctor.enableJsonFlag,
      args: this.ctor.args,
      strict: this.ctor.strict,
    })
    this.flags = flags as BaseFlags<T>
    this.args = args as BaseArgs<T>
    await configureColor({noColor: this.flags['no-color']})
    registerEnvironmentSecrets()
    this.context = new CommandContext({
      flags: this.flags,
      debugLog: this.flags.debug ? (line) => process.stderr.write(`${paint.dim(forTerminal(line))}\n`) : undefined,
      warn: (message) => this.warn(message),
      // Plain lines, on a terminal or not: a CI log shows why a run took a minute longer, and --json's stdout is untouched.
      onRetry: (line) => process.stderr.write(`${paint.dim(line)}\n`),
    })
    // An unreadable config is exit 3 for every command, also those (--sandbox, sandbox status) that would not read it.
    if (!(this.ctor as unknown as typeof BaseCommand).reportsConfig) this.context.checkConfigReadable()
    for (const signal of Object.keys(stopSignals)) process.on(signal, this.onSigint)
    // Node ignores SIGXFSZ so that a write past the file size limit fails with EFBIG (exit 11, as a full
    // disk); the exit hooks of conf and write-file-atomic would turn it into death by signal.
    process.on('SIGXFSZ', ignoreSignal)
  }

  // What most commands need from the context, by short names (the licence commands use them too).

  /** `license export`: the command as the user types it, for messages. */
  private get commandName(): string | undefined {
    return this.id?.split(':').join(' ')
  }

  /** The profile --profile named (not under --sandbox, which means its own): suggested commands carry it. */
  private get namedProfile(): string | undefined {
    return this.flags?.sandbox ? undefined : this.flags?.profile
  }

  protected get sandboxMode(): boolean {
    return this.context.sandboxMode
  }

  protected configStore(): ConfigStore {
    return this.context.configStore()
  }

  protected settings(): Promise<Settings> {
    return this.context.settings()
  }

  protected citrix(): Promise<CitrixClient> {
    return this.context.citrix()
  }

  /** Progress, warnings and notes: stderr, so that stdout carries data only. */
  protected note(message: string): void {
    if (!this.jsonEnabled()) process.stderr.write(`${forTerminal(withProfile(message, this.namedProfile))}\n`)
  }

  /** Data on stdout, through the same funnel as the notes. */
  override log(message = '', ...args: unknown[]): void {
    // Into a pipe or a file, a bare CR is data (inside a quoted CSV field); on a terminal it is not kept.
    super.log(
      terminalText(format(message, ...args), {
        keepNewlines: true,
        keepColor: true,
        keepCarriageReturns: !process.stdout.isTTY,
      }),
    )
  }

  override warn(input: string | Error): string | Error {
    process.stderr.write(`${paint.warn('Warning:')} ${oneLine(input instanceof Error ? input.message : input)}\n`)
    return input
  }

  /** JSON keeps control characters escaped (JSON.stringify does it); known secrets are redacted in it too. */
  override logJson(json: unknown): void {
    super.logJson(redactSecretsDeep(json))
  }

  protected override toErrorJson(error: unknown): unknown {
    const {exitCode, message, hint, status, detail, transactionId} = reportFor(error, this.commandName)
    return {
      error: {exitCode, message, hint: hint && withProfile(hint, this.namedProfile), status, detail, transactionId},
    }
  }

  protected override async catch(error: Error & {exitCode?: number}): Promise<unknown> {
    if (error instanceof Errors.ExitError) throw error
    const report = reportFor(error, this.commandName)
    if (this.jsonEnabled()) {
      this.logJson(this.toErrorJson(error))
    } else {
      process.stderr.write(`${paint.error('Error:')} ${oneLine(report.message)}\n`)
      if (report.hint)
        process.stderr.write(`${paint.dim('Hint:')} ${oneLine(withProfile(report.hint, this.namedProfile))}\n`)
    }
    // The stack is for a bug (exit 1); an expected error (bad input, 404, …) is fully said by its line and hint.
    if (report.exitCode === 1 && (this.flags?.debug || process.argv.includes('--debug')))
      process.stderr.write(`${forTerminal(error.stack ?? '')}\n`)
    throw new Errors.ExitError(report.exitCode)
  }

  protected override async finally(error: Error | undefined): Promise<unknown> {
    for (const signal of Object.keys(stopSignals)) process.removeListener(signal, this.onSigint)
    process.removeListener('SIGXFSZ', ignoreSignal)
    await this.context?.close()
    return super.finally(error)
  }
}
