import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'

import type {Got} from 'got'

import {ApplianceClient, parseApplianceAddress, type ApplianceAddress} from '../../citrix/appliance.js'
import {pinCertificate, pinnedCertificate, type PinnedCertificate} from '../../config/appliance-pins.js'
import type {ConfigStore} from '../../config/store.js'
import type {TokenCache} from '../../config/token-cache.js'
import {UsageError} from '../../errors.js'
import {presentedCertificate} from '../../http/tls-probe.js'
import {sandboxDataDir} from '../../sandbox/registry.js'
import {SandboxStore} from '../../sandbox/state/store.js'
import {fingerprintOfPem, normaliseFingerprint} from '../../util/fingerprint.js'
import {decideApplianceTrust, type ApplianceTls} from './trust.js'

export interface ConnectApplianceOptions {
  /** --host: addr[:port] or an https URL. */
  host?: string
  /** --sandbox: without a host, the first appliance of the sandbox (whose certificate the sandbox vouches for). */
  sandbox?: boolean
  /** --fingerprint, as typed. */
  fingerprint?: string
  /** --ca-cert: a PEM file of the CA that signed the appliance's certificate (or the certificate itself). */
  caCertPath?: string
  insecure?: boolean
  /** --trust: offer to trust a changed certificate. */
  retrust?: boolean
  /** The profile that keeps the pinned certificates, and whose appliance tokens are cached. */
  profile: string
  store: ConfigStore
  /** The command's got instance; the appliance's TLS check is added to it. */
  http: Got
  tokens: TokenCache
  /** Asks for the address when there is none. */
  askAddress: () => Promise<string>
  /** Asks the user; undefined when there is no terminal to ask on. */
  confirm?: (question: string) => Promise<boolean>
  /** The admin password, asked only when a (new) login is needed. */
  password: () => Promise<string>
  /** The first admin password, for an appliance that has none yet. */
  firstPassword?: () => Promise<string>
}

export interface ConnectedAppliance {
  client: ApplianceClient
  address: ApplianceAddress
  /** The certificate trusted now, and pinned in the profile (first contact, or re-trusted). */
  pinned?: PinnedCertificate
}

function tlsOptionsFor(tls: ApplianceTls) {
  if (tls.mode === 'insecure') return {rejectUnauthorized: false}
  if (tls.mode === 'ca') return {certificateAuthority: tls.caCertificate}
  // Trust exactly the pinned certificate; its names need not match the address (appliances are often reached by IP).
  return {certificateAuthority: tls.certificate, checkServerIdentity: () => undefined}
}

/** The address to call, and the fingerprint the sandbox vouches for when it is the sandbox's appliance. */
async function resolveAddress(
  options: ConnectApplianceOptions,
): Promise<ApplianceAddress & {sandboxFingerprint?: string}> {
  if (options.host) return parseApplianceAddress(options.host)
  if (options.sandbox) {
    const first = (await new SandboxStore(sandboxDataDir()).read()).appliances[0]
    if (first?.port && first.certificatePem)
      return {
        ...parseApplianceAddress(`127.0.0.1:${first.port}`),
        sandboxFingerprint: fingerprintOfPem(first.certificatePem),
      }
  }
  return parseApplianceAddress(await options.askAddress())
}

async function readCaCert(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    throw new UsageError(`The CA certificate ${path} cannot be read: ${(error as Error).message}`, {
      hint: 'Pass a PEM file with --ca-cert.',
    })
  }
}

/**
 * A client for a Connector Appliance's local API: the address, the TLS trust (pinned per host in the
 * profile on first use, --fingerprint, --ca-cert or --insecure), and the admin token cached per profile
 * and appliance. Nothing is sent to the appliance but the TLS handshake that reads its certificate.
 */
export async function connectAppliance(options: ConnectApplianceOptions): Promise<ConnectedAppliance> {
  const {sandboxFingerprint, ...address} = await resolveAddress(options)
  const fingerprint = options.fingerprint === undefined ? sandboxFingerprint : normaliseFingerprint(options.fingerprint)
  if (options.fingerprint !== undefined && !fingerprint) {
    throw new UsageError(`"${options.fingerprint}" is not a SHA-256 fingerprint.`, {
      hint: 'Give it as sha256: and 64 hex digits, colons optional.',
    })
  }
  const {store, profile} = options
  const decision = await decideApplianceTrust({
    hostKey: address.key,
    pinned: pinnedCertificate(store, profile, address.key),
    fingerprint,
    caCertificate: options.caCertPath ? await readCaCert(options.caCertPath) : undefined,
    insecure: options.insecure,
    retrust: options.retrust,
    presented: () => presentedCertificate(address.hostname, address.port),
    confirm: options.confirm,
  })
  if (decision.pin) await pinCertificate(store, profile, address.key, decision.pin)

  const {tokens} = options
  const tokenKey = createHash('sha256').update(`${profile}\n${address.key}`).digest('hex')
  const client = new ApplianceClient(options.http.extend({https: tlsOptionsFor(decision.tls)}), address, {
    readToken: () => tokens.get(tokenKey),
    saveToken: (token) => tokens.set(tokenKey, token),
    password: options.password,
    firstPassword: options.firstPassword,
  })
  return {client, address, pinned: decision.pin}
}
