import {join} from 'node:path'
import {isSea} from 'node:sea'

import {Errors, Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {defaultSandboxPort} from '../../sandbox/constants.js'
import {sandboxDataDir} from '../../sandbox/registry.js'
import {
  sandboxOptionsFrom,
  startDetachedSandbox,
  startForegroundSandbox,
  type ForegroundSandbox,
} from '../../services/sandbox/start.js'

/** The sandbox that ran until stopped, or (--detach) the one left running in the background. */
export type SandboxStartResult = Partial<ForegroundSandbox> & {
  url: string
  pid: number
  detached: boolean
  logPath?: string
}

const ignoredWarning = (ignored: string[]) =>
  `The saved state keeps its own ${ignored.join(', ')}: add --reset to apply them.`

const count = (description: string) => Flags.integer({description, min: 0, helpGroup: 'SEED DATA'})
const shareOfOne = Flags.custom<number>({
  parse: async (input) => {
    const value = Number(input)
    if (input.trim() === '' || !(value >= 0 && value <= 1))
      throw new Errors.CLIError(`must be a number from 0 to 1, not "${input}"`, {exit: 2})
    return value
  },
})

export default class SandboxStart extends BaseCommand<typeof SandboxStart> {
  static summary = 'Start the sandbox (a simulated Citrix Cloud on 127.0.0.1) and point the `sandbox` profile at it.'
  static description =
    'Runs until Ctrl-C (or SIGTERM), or in the background with --detach. Sizes, seed, TTLs and the Citrix variants (--no-last-contact, --products-envelope, --daas-license-model) shape a new state (the first start, or --reset); faults apply at once.'
  static examples = [
    '<%= config.bin %> sandbox start --detach',
    '<%= config.bin %> sandbox start --port 0 --seed 7 --reset --fail-rate 0.1',
    '<%= config.bin %> sandbox start --reset --no-last-contact --products-envelope bare',
  ]
  static flags = {
    port: Flags.integer({
      description: 'port on 127.0.0.1 (0: any free one)',
      default: defaultSandboxPort,
      min: 0,
      max: 65535,
    }),
    seed: Flags.integer({description: 'seed of the generated data (same seed, same data)', helpGroup: 'SEED DATA'}),
    reset: Flags.boolean({description: 'throw the saved state away and seed anew'}),
    detach: Flags.boolean({description: 'run in the background, output to a log file in the data folder'}),
    latency: Flags.integer({description: 'added latency per request, in ms', min: 0, helpGroup: 'FAULTS'}),
    'fail-rate': shareOfOne({
      description: 'share of requests (0..1) answered 503 with retryDelay',
      helpGroup: 'FAULTS',
    }),
    'rate-limit': Flags.string({
      description: 'requests a second the token bucket allows before 429 with Retry-After (0: none)',
      helpGroup: 'FAULTS',
    }),
    'rate-burst': Flags.integer({
      description: 'requests that may come at once after a quiet spell (default: the rate)',
      min: 1,
      helpGroup: 'FAULTS',
    }),
    'token-ttl': Flags.integer({description: 'lifetime of tokens, in seconds', min: 1, helpGroup: 'SEED DATA'}),
    'code-ttl': Flags.integer({
      description: 'lifetime of registration codes, in seconds',
      min: 1,
      helpGroup: 'SEED DATA',
    }),
    appliances: count('simulated Connector Appliances'),
    products: count('registered products'),
    users: count('licensed users'),
    devices: count('licensed devices'),
    customers: count('partner customers'),
    'last-contact': Flags.boolean({
      description: "send registrations' lastContactTime (--no-last-contact: none, as Citrix may send none)",
      allowNo: true,
      helpGroup: 'CITRIX VARIANTS',
    }),
    'products-envelope': Flags.string({
      description: 'envelope of the registrations list: items, Items, or a bare array',
      options: ['items', 'Items', 'bare'],
      helpGroup: 'CITRIX VARIANTS',
    }),
    'daas-license-model': Flags.string({
      description:
        'how the customer licenses Citrix DaaS: user-device, or concurrent only (user/device calls answer 404)',
      options: ['user-device', 'concurrent'],
      helpGroup: 'CITRIX VARIANTS',
    }),
  }

  async run(): Promise<SandboxStartResult> {
    const dataDir = sandboxDataDir()
    if (this.flags.detach) {
      const args = this.argv.filter((arg) => arg !== '--detach')
      // The standalone executable re-runs itself; otherwise Node runs bin/run.js again.
      const record = await startDetachedSandbox({
        dataDir,
        bin: isSea() ? undefined : join(this.config.root, 'bin', 'run.js'),
        args,
        settings: this.flags.reset ? undefined : sandboxOptionsFrom(this.flags).settings,
      })
      // The child warns into its log; the user ran this command, so the warning is said here too.
      if (record.ignoredSettings.length > 0) this.warn(ignoredWarning(record.ignoredSettings))
      this.note(
        `Sandbox running at ${record.url} (pid ${record.pid}); its log: ${record.logPath}. Stop it with \`ctx sandbox stop\`.`,
      )
      return {...record, detached: true}
    }
    const stopped = this.untilStopped() // listening for SIGTERM before the record says where we run
    const {result, stop} = await startForegroundSandbox(this.configStore(), {
      dataDir,
      port: this.flags.port,
      reset: this.flags.reset,
      ...sandboxOptionsFrom(this.flags),
    })
    if (result.ignoredSettings.length > 0) this.warn(ignoredWarning(result.ignoredSettings))
    this.note(
      `Sandbox listening at ${result.url} (profile "${result.profile}", state ${result.statePath}). Ctrl-C stops it.`,
    )
    await stopped
    await stop()
    return {...result, detached: false}
  }

  /** Until Ctrl-C or SIGTERM (`ctx sandbox stop`). */
  private async untilStopped(): Promise<void> {
    this.interruptible = true
    // `on`, not `once`, and left in place: conf's exit hook re-raises the signal, which must not kill us mid-stop.
    process.on('SIGTERM', () => this.abort.abort())
    await new Promise((resolve) => this.abort.signal.addEventListener('abort', resolve, {once: true}))
  }
}
