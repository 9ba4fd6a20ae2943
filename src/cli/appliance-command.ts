import {Flags, type Command} from '@oclif/core'

import type {ApplianceAddress, ApplianceClient} from '../citrix/appliance.js'
import {UsageError} from '../errors.js'
import {BaseCommand} from './base-command.js'

export const passwordEnv = 'CTX_APPLIANCE_PASSWORD'

/**
 * What the `ctx appliance` commands share: the appliance address, the TLS trust flags with the pinned
 * fingerprint per host in the profile, and a client whose token is cached in the data dir.
 */
export abstract class ApplianceCommand<T extends typeof Command> extends BaseCommand<T> {
  static applianceFlags = {
    host: Flags.string({
      description:
        'the appliance address, addr[:port] (port 443 unless given; with --sandbox, the first sandbox appliance)',
      env: 'CTX_APPLIANCE_HOST',
    }),
    fingerprint: Flags.string({
      description: "trust the appliance's certificate with this SHA-256 fingerprint (sha256:AB:CD:…)",
    }),
    'ca-cert': Flags.string({
      description: "PEM file of the CA that signed the appliance's certificate (or the certificate itself)",
    }),
    insecure: Flags.boolean({
      description: 'do not check the certificate at all (warns every time)',
      exclusive: ['fingerprint', 'ca-cert'],
    }),
    trust: Flags.boolean({description: 'on a terminal, offer to trust a changed certificate'}),
  }

  private appliancePasswordValue?: Promise<string>

  private address?: ApplianceAddress

  protected get applianceAddress(): ApplianceAddress {
    if (!this.address) throw new Error('the appliance address is resolved in appliance()')
    return this.address
  }

  /** Where the password comes from without a terminal: the hint of a usage error (`appliance login` adds --password-stdin). */
  protected passwordHint(): string {
    return `Set ${passwordEnv}, or log in first with \`ctx appliance login --password-stdin\`.`
  }

  /** The admin password when a (new) login is needed: CTX_APPLIANCE_PASSWORD, else a prompt; asked once per run. */
  protected appliancePassword(first = false): Promise<string> {
    this.appliancePasswordValue ??= (async () => {
      if (process.env[passwordEnv]) return process.env[passwordEnv]
      const {promptSecret} = await import('../output/prompt.js')
      const key = this.applianceAddress.key
      const message = first
        ? `The appliance ${key} has no admin password yet: choose one`
        : `Admin password of the appliance ${key}`
      const need = first ? `A first admin password for ${key} (it has none yet)` : `The admin password of ${key}`
      return promptSecret({message, need, flag: passwordEnv, hint: this.passwordHint()})
    })()
    return this.appliancePasswordValue
  }

  /** The first admin password of an appliance that has none: as `ctx appliance login` sets it (typed twice on a terminal). */
  private async firstAppliancePassword(): Promise<string> {
    const typed = !process.env[passwordEnv]
    const password = await this.appliancePassword(true)
    const {canPrompt, promptSecret} = await import('../output/prompt.js')
    this.note(`The appliance ${this.applianceAddress.key} has no admin password yet: setting its first one.`)
    if (
      typed &&
      canPrompt() &&
      (await promptSecret({message: 'Type the new admin password again', flag: passwordEnv})) !== password
    ) {
      throw new UsageError('The two passwords differ; no password was set.', {hint: 'Run the command again.'})
    }
    return password
  }

  /** A client for the appliance (services/appliance/connect.ts), with the prompts of a terminal. */
  protected async appliance(): Promise<ApplianceClient> {
    const flags = this.flags as {
      host?: string
      fingerprint?: string
      'ca-cert'?: string
      insecure: boolean
      trust: boolean
    }
    const [{connectAppliance}, {canPrompt, promptConfirm, promptText}] = await Promise.all([
      import('../services/appliance/connect.js'),
      import('../output/prompt.js'),
    ])
    const settings = await this.settings() // with --sandbox, starts the embedded sandbox and its appliances when none runs
    const {client, address, pinned} = await connectAppliance({
      host: flags.host,
      sandbox: this.sandboxMode,
      fingerprint: flags.fingerprint,
      caCertPath: flags['ca-cert'],
      insecure: flags.insecure,
      retrust: flags.trust,
      profile: settings.profile,
      store: this.configStore(),
      http: await this.context.http(),
      tokens: await this.context.applianceTokenCache(),
      askAddress: () => promptText({message: 'Appliance address (addr[:port])', flag: '--host'}),
      confirm: canPrompt() ? (message) => promptConfirm({message, flag: '--fingerprint'}) : undefined,
      password: () => this.appliancePassword(),
      firstPassword: () => this.firstAppliancePassword(),
    })
    this.address = address
    if (flags.insecure)
      this.warn(
        `--insecure: the certificate of ${address.key} is NOT checked; anyone on the way can read the admin password and token.`,
      )
    if (pinned)
      this.note(
        `Trusted the certificate ${pinned.fingerprint} of ${address.key} (pinned in profile "${settings.profile}").`,
      )
    return client
  }
}
