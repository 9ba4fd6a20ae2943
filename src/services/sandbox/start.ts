import {spawn} from 'node:child_process'
import {mkdir, open, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

import type {ConfigStore} from '../../config/store.js'
import {ConflictError, CtxError, ExitCode, UnavailableError, UsageError, type ExitCodeValue} from '../../errors.js'
import type {FaultConfig} from '../../sandbox/http/faults.js'
import {
  findRunningSandbox,
  removeSandboxRecord,
  readSandboxRecord,
  writeSandboxRecord,
  type SandboxRecord,
} from '../../sandbox/registry.js'
import type {RunningSandbox} from '../../sandbox/start.js'
import type {ProductsEnvelope, SandboxSettings} from '../../sandbox/state/settings.js'
import {readJsonIfExists} from '../../util/atomic-file.js'
import {writeSandboxProfile} from './profile.js'

export interface SandboxStartOptions {
  dataDir: string
  port: number
  /** Only what was asked for; the rest keeps the defaults (or what the existing state holds). */
  settings: Partial<SandboxSettings>
  faults: Partial<FaultConfig>
  reset?: boolean
}

/** A sandbox running in this process, and what it runs with. */
export interface ForegroundSandbox {
  url: string
  pid: number
  port: number
  statePath: string
  profile: string
  settings: SandboxSettings
  /** Settings asked for that the existing state does not have (they need --reset). */
  ignoredSettings: string[]
}

async function refuseIfRunning(dataDir: string): Promise<void> {
  const running = await findRunningSandbox(dataDir)
  if (running) {
    throw new ConflictError(`A sandbox is already running at ${running.url} (pid ${running.pid}).`, {
      hint: 'Stop it first with `ctx sandbox stop`, or use it as it is.',
    })
  }
}

/** Asked-for settings that differ from those of the state in use. */
export function ignoredSettings(asked: Partial<SandboxSettings>, actual: SandboxSettings): string[] {
  const ignored: string[] = []
  for (const [key, value] of Object.entries(asked)) {
    if (key === 'sizes') {
      for (const [size, n] of Object.entries(value as Partial<SandboxSettings['sizes']>)) {
        if (actual.sizes[size as keyof SandboxSettings['sizes']] !== n) ignored.push(size)
      }
    } else if (actual[key as keyof SandboxSettings] !== value) ignored.push(key)
  }
  return ignored
}

/** Starts the sandbox in this process, records where it runs, and writes the `sandbox` profile. */
export async function startForegroundSandbox(
  store: ConfigStore,
  options: SandboxStartOptions,
): Promise<{sandbox: RunningSandbox; result: ForegroundSandbox; stop: () => Promise<void>}> {
  await refuseIfRunning(options.dataDir)
  const {startSandbox} = await import('../../sandbox/start.js')
  let sandbox: RunningSandbox
  try {
    sandbox = await startSandbox({
      dataDir: options.dataDir,
      port: options.port,
      settings: options.settings,
      faults: options.faults,
      reset: options.reset,
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new UsageError(`Port ${options.port} on 127.0.0.1 is in use.`, {
        hint: 'Pass another --port (0 picks a free one).',
      })
    }
    throw error
  }
  const appliances = sandbox.appliances.map(({name, url, fingerprint}) => ({
    name,
    host: new URL(url).host,
    url,
    fingerprint,
  }))
  const record: SandboxRecord = {
    pid: process.pid,
    url: sandbox.url,
    port: sandbox.port,
    startedAt: new Date().toISOString(),
    appliances,
  }
  await writeSandboxRecord(record, options.dataDir)
  const profile = await writeSandboxProfile(store, sandbox.url)
  const {settings} = await sandbox.store.read()
  const stop = async () => {
    await sandbox.close()
    // Another sandbox may have taken over the record meanwhile; only ours is removed.
    if ((await readSandboxRecord(options.dataDir))?.pid === process.pid) await removeSandboxRecord(options.dataDir)
  }
  return {
    sandbox,
    stop,
    result: {
      url: sandbox.url,
      pid: process.pid,
      port: sandbox.port,
      statePath: sandbox.store.path,
      profile,
      settings,
      ignoredSettings: ignoredSettings(options.settings, settings),
    },
  }
}

export interface DetachOptions {
  dataDir: string
  /**
   * The built entry point (bin/run.js) that Node runs; none when ctx is a single executable (the
   * standalone `ctx` binary), which then runs itself. And the arguments of `sandbox start` without --detach.
   */
  bin?: string
  args: string[]
  /** The settings asked for (the child is told them by `args`): those the saved state does not take are reported. */
  settings?: Partial<SandboxSettings>
  timeoutMs?: number
}

/**
 * The environment of a detached sandbox: the caller's, without its secrets. The sandbox outlives the
 * command and never needs them (it has its own credentials); issue 15, item 20.
 */
export const withheldFromSandbox = ['CTX_CLIENT_SECRET', 'CITRIX_CLIENT_SECRET', 'CTX_APPLIANCE_PASSWORD'] as const

export function sandboxChildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = {...env, NO_COLOR: '1'}
  for (const name of withheldFromSandbox) delete childEnv[name]
  return childEnv
}

/** Runs `ctx sandbox start` as a detached child, its output in a log file, and returns once it answers. */
export async function startDetachedSandbox(
  options: DetachOptions,
): Promise<SandboxRecord & {logPath: string; ignoredSettings: string[]}> {
  await refuseIfRunning(options.dataDir)
  await mkdir(options.dataDir, {recursive: true, mode: 0o700})
  const logPath = join(options.dataDir, 'sandbox.log')
  const log = await open(logPath, 'a', 0o600)
  const argv = [...(options.bin ? [options.bin] : []), 'sandbox', 'start', ...options.args]
  const child = spawn(process.execPath, argv, {
    detached: true,
    stdio: ['ignore', log.fd, log.fd],
    env: sandboxChildEnv(process.env),
  })
  let exited: number | null | undefined
  child.once('exit', (code) => (exited = code))
  child.unref()
  await log.close()

  const deadline = Date.now() + (options.timeoutMs ?? 20_000)
  while (Date.now() < deadline) {
    const record = await findRunningSandbox(options.dataDir)
    if (record && record.pid === child.pid) return {...record, logPath, ignoredSettings: await ignoredByState(options)}
    if (exited !== undefined) break
    await sleep(100)
  }
  if (exited === undefined) {
    child.kill('SIGTERM')
    throw new UnavailableError('The sandbox did not answer in time.', {hint: `See its log: ${logPath}`})
  }
  // The child said why in its log (a port in use, say): pass its message and exit code on.
  const reason = (await readFile(logPath, 'utf8'))
    .split('\n')
    .filter((line) => line.startsWith('Error: '))
    .pop()
    ?.slice('Error: '.length)
  throw new CtxError(
    `The sandbox did not start: ${reason ?? `exit ${exited}`}`,
    (exited ?? ExitCode.unavailable) as ExitCodeValue,
    {hint: `See its log: ${logPath}`},
  )
}

/** What the child's warning says (into its log): the asked-for settings that the state it opened keeps its own of. */
async function ignoredByState(options: DetachOptions): Promise<string[]> {
  if (!options.settings) return []
  try {
    const state = await readJsonIfExists<{settings?: SandboxSettings}>(join(options.dataDir, 'state.json'))
    return state?.settings ? ignoredSettings(options.settings, state.settings) : []
  } catch {
    return []
  }
}

/** The sandbox-start flags that become settings and faults; what is not given stays undefined. */
export interface SandboxStartFlags {
  seed?: number
  'token-ttl'?: number
  'code-ttl'?: number
  appliances?: number
  products?: number
  users?: number
  devices?: number
  customers?: number
  latency?: number
  'fail-rate'?: number
  /** The sandbox's limit (the global `--rate-limit` shares the name, so it arrives as text). */
  'rate-limit'?: number | string
  'rate-burst'?: number
  'last-contact'?: boolean
  'products-envelope'?: string
  'daas-license-model'?: string
}

export function sandboxOptionsFrom(flags: SandboxStartFlags): Pick<SandboxStartOptions, 'settings' | 'faults'> {
  const settings: Partial<SandboxSettings> = {}
  if (flags.seed !== undefined) settings.seed = flags.seed
  if (flags['token-ttl'] !== undefined) settings.tokenTtlSeconds = flags['token-ttl']
  if (flags['code-ttl'] !== undefined) settings.codeTtlSeconds = flags['code-ttl']
  if (flags['last-contact'] !== undefined) settings.productsLastContact = flags['last-contact']
  if (flags['products-envelope'] !== undefined)
    settings.productsEnvelope = flags['products-envelope'] as ProductsEnvelope
  if (flags['daas-license-model'] !== undefined)
    settings.daasLicenseModel = flags['daas-license-model'] as SandboxSettings['daasLicenseModel']
  const sizes = Object.fromEntries(
    (['appliances', 'products', 'users', 'devices', 'customers'] as const)
      .filter((n) => flags[n] !== undefined)
      .map((n) => [n, flags[n]]),
  )
  // Only the sizes asked for: the state store fills in the rest from its defaults.
  if (Object.keys(sizes).length > 0) settings.sizes = sizes as unknown as SandboxSettings['sizes']
  const faults: Partial<FaultConfig> = {}
  if (flags.latency !== undefined) faults.latencyMs = flags.latency
  if (flags['fail-rate'] !== undefined) faults.failureRate = flags['fail-rate']
  if (flags['rate-limit'] !== undefined) {
    const perSecond = Number(flags['rate-limit'])
    if (!Number.isInteger(perSecond) || perSecond < 0)
      throw new UsageError(`--rate-limit ${flags['rate-limit']} is not a whole number of requests a second.`, {
        hint: 'Give 0 (no limit) or more.',
      })
    faults.rateLimitPerSecond = perSecond
  }
  if (flags['rate-burst'] !== undefined) faults.rateLimitBurst = flags['rate-burst']
  return {settings, faults}
}
