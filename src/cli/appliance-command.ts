import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'

import {Flags, type Command} from '@oclif/core'

import {BaseCommand} from './base-command.js'
import {parseApplianceAddress, type ApplianceAddress, type ApplianceClient} from '../citrix/appliance.js'
import {UsageError} from '../errors.js'
import type {ApplianceTls} from '../services/appliance/trust.js'
import {normaliseFingerprint} from '../util/fingerprint.js'

export const passwordEnv = 'CTX_APPLIANCE_PASSWORD'

function tlsOptionsFor(tls: ApplianceTls) {
  if (tls.mode === 'insecure') return {rejectUnauthorized: false}
  if (tls.mode === 'ca') return {certificateAuthority: tls.caCertificate}
  // Trust exactly the pinned certificate; its names need not match the address (appliances are often reached by IP).
  return {certificateAuthority: tls.certificate, checkServerIdentity: () => undefined}
}

/**
 * What the `ctx appliance` commands share: the appliance address, the TLS trust flags with the pinned
 * fingerprint per host in the profile, and a client whose token is cached in the data dir.
 */
export abstract class ApplianceCommand<T extends typeof Command> extends BaseCommand<T> {
  static applianceFlags = {
    host: Flags.string({description: 'the appliance address, addr[:port] (port 443 unless given; with --sandbox, the first sandbox appliance)', env: 'CTX_APPLIANCE_HOST'}),
    fingerprint: Flags.string({description: "trust the appliance's certificate with this SHA-256 fingerprint (sha256:AB:CD:…)"}),
    'ca-cert': Flags.string({description: "PEM file of the CA that signed the appliance's certificate (or the certificate itself)"}),
    insecure: Flags.boolean({description: 'do not check the certificate at all (warns every time)', exclusive: ['fingerprint', 'ca-cert']}),
    trust: Flags.boolean({description: 'on a terminal, offer to trust a changed certificate'}),
  }

  private appliancePasswordValue?: Promise<string>

  private address?: ApplianceAddress & {sandboxFingerprint?: string}

  protected get applianceAddress(): ApplianceAddress {
    if (!this.address) throw new Error('the appliance address is resolved in appliance()')
    return this.address
  }

  /** --host; with --sandbox and no --host, the sandbox's first appliance (whose certificate the sandbox vouches for). */
  private async resolveAddress(): Promise<ApplianceAddress & {sandboxFingerprint?: string}> {
    const host = (this.flags as {host?: string}).host
    if (host) return parseApplianceAddress(host)
    if (this.sandboxMode) {
      await this.settings() // starts the embedded sandbox, and its appliances, when none runs
      const [{SandboxStore}, {sandboxDataDir}, {fingerprintOfPem}] = await Promise.all([import('../sandbox/state/store.js'), import('../sandbox/registry.js'), import('../util/fingerprint.js')])
      const first = (await new SandboxStore(sandboxDataDir()).read()).appliances[0]
      if (first?.port && first.certificatePem) return {...parseApplianceAddress(`127.0.0.1:${first.port}`), sandboxFingerprint: fingerprintOfPem(first.certificatePem)}
    }
    const {promptText} = await import('../output/prompt.js')
    return parseApplianceAddress(await promptText({message: 'Appliance address (addr[:port])', flag: '--host'}))
  }

  /** The admin password when a (new) login is needed: CTX_APPLIANCE_PASSWORD, else a prompt; asked once per run. */
  protected appliancePassword(first = false): Promise<string> {
    this.appliancePasswordValue ??= (async () => {
      if (process.env[passwordEnv]) return process.env[passwordEnv]
      const {promptSecret} = await import('../output/prompt.js')
      const message = first ? `The appliance ${this.applianceAddress.key} has no admin password yet: choose one` : `Admin password of the appliance ${this.applianceAddress.key}`
      return promptSecret({message, flag: `${passwordEnv} (or run \`ctx appliance login\` first)`})
    })()
    return this.appliancePasswordValue
  }

  protected async appliance(): Promise<ApplianceClient> {
    const flags = this.flags as {fingerprint?: string; 'ca-cert'?: string; insecure: boolean; trust: boolean}
    const address = (this.address = await this.resolveAddress())
    const fingerprint = flags.fingerprint === undefined ? address.sandboxFingerprint : normaliseFingerprint(flags.fingerprint)
    if (flags.fingerprint !== undefined && !fingerprint) throw new UsageError(`"${flags.fingerprint}" is not a SHA-256 fingerprint.`, {hint: 'Give it as sha256: and 64 hex digits, colons optional.'})
    if (flags.insecure) this.warn(`--insecure: the certificate of ${address.key} is NOT checked; anyone on the way can read the admin password and token.`)

    const [{decideApplianceTrust}, {presentedCertificate}, {pinCertificate, pinnedCertificate}, {canPrompt, promptConfirm}] = await Promise.all([
      import('../services/appliance/trust.js'),
      import('../http/tls-probe.js'),
      import('../config/appliance-pins.js'),
      import('../output/prompt.js'),
    ])
    const settings = await this.settings()
    const store = this.configStore()
    const decision = await decideApplianceTrust({
      hostKey: address.key,
      pinned: pinnedCertificate(store, settings.profile, address.key),
      fingerprint,
      caCertificate: flags['ca-cert'] ? await readCaCert(flags['ca-cert']) : undefined,
      insecure: flags.insecure,
      retrust: flags.trust,
      presented: () => presentedCertificate(address.hostname, address.port),
      confirm: canPrompt() ? (message) => promptConfirm({message, flag: '--fingerprint'}) : undefined,
    })
    if (decision.pin) {
      pinCertificate(store, settings.profile, address.key, decision.pin)
      this.note(`Trusted the certificate ${decision.pin.fingerprint} of ${address.key} (pinned in profile "${settings.profile}").`)
    }

    const {ApplianceClient} = await import('../citrix/appliance.js')
    const http = (await this.context.http()).extend({https: tlsOptionsFor(decision.tls)})
    const tokens = await this.context.applianceTokenCache()
    const tokenKey = createHash('sha256').update(`${settings.profile}\n${address.key}`).digest('hex')
    return new ApplianceClient(http, address, {
      readToken: () => tokens.get(tokenKey),
      saveToken: (token) => tokens.set(tokenKey, token),
      password: () => this.appliancePassword(),
    })
  }
}

async function readCaCert(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`The CA certificate ${path} cannot be read: ${(error as Error).message}`, {hint: 'Pass a PEM file with --ca-cert.'})
  }
}
