import type {PinnedCertificate} from '../../config/appliance-pins.js'
import {UnavailableError, UsageError} from '../../errors.js'
import type {PresentedCertificate} from '../../http/tls-probe.js'

/** How ctx checks an appliance's TLS certificate. */
export type ApplianceTls =
  {mode: 'pinned'; certificate: string; fingerprint: string} | {mode: 'ca'; caCertificate: string} | {mode: 'insecure'}

export interface TrustOptions {
  hostKey: string
  pinned?: PinnedCertificate
  /** --fingerprint, already normalised: trust the certificate that has exactly this fingerprint. */
  fingerprint?: string
  /** --ca-cert: the PEM that signed (or is) the appliance's certificate. */
  caCertificate?: string
  insecure?: boolean
  /** --trust: offer to trust a changed certificate. */
  retrust?: boolean
  presented: () => Promise<PresentedCertificate>
  /** Asks the user; undefined when there is no terminal to ask on. */
  confirm?: (question: string) => Promise<boolean>
  now?: Date
}

export interface TrustDecision {
  tls: ApplianceTls
  /** A certificate to pin in the profile (first trust or re-trust). */
  pin?: PinnedCertificate
}

const noTerminalHint =
  'Pass --fingerprint sha256:… (as the appliance console shows it), --ca-cert <file>, or --insecure.'

function changedMessage(hostKey: string, pinned: string, presented: string): string {
  return [
    `THE CERTIFICATE OF THE APPLIANCE ${hostKey} HAS CHANGED since you trusted it. ctx refuses to connect.`,
    `  trusted:   ${pinned}`,
    `  presented: ${presented}`,
    'Someone may be intercepting the connection, or the appliance was reinstalled.',
  ].join('\n')
}

/**
 * Trust on first use, pinned per host: decides whether to talk to the appliance and with which TLS
 * check. A certificate that differs from the pinned one is refused (exit 8) until the user re-trusts it.
 */
export async function decideApplianceTrust(options: TrustOptions): Promise<TrustDecision> {
  if (options.insecure) return {tls: {mode: 'insecure'}}
  if (options.caCertificate) return {tls: {mode: 'ca', caCertificate: options.caCertificate}}

  const presented = await options.presented()
  const trust = (): TrustDecision => ({
    tls: {mode: 'pinned', certificate: presented.pem, fingerprint: presented.fingerprint},
    pin: {
      fingerprint: presented.fingerprint,
      certificate: presented.pem,
      trustedAt: (options.now ?? new Date()).toISOString(),
    },
  })
  const {pinned, hostKey} = options

  if (
    pinned?.fingerprint === presented.fingerprint &&
    (options.fingerprint ?? presented.fingerprint) === presented.fingerprint
  ) {
    return {tls: {mode: 'pinned', certificate: pinned.certificate, fingerprint: pinned.fingerprint}}
  }
  if (options.fingerprint) {
    if (options.fingerprint === presented.fingerprint) return trust()
    throw new UnavailableError(
      `The certificate of ${hostKey} does not match --fingerprint.\n  expected:  ${options.fingerprint}\n  presented: ${presented.fingerprint}`,
      {
        hint: 'Check the fingerprint on the appliance console; ctx did not connect.',
      },
    )
  }
  if (pinned) {
    const message = changedMessage(hostKey, pinned.fingerprint, presented.fingerprint)
    if (
      options.retrust &&
      options.confirm &&
      (await options.confirm(`${message}\nTrust the new certificate ${presented.fingerprint}?`))
    )
      return trust()
    if (options.retrust && !options.confirm)
      throw new UsageError(`${message}\n--trust needs a terminal to ask on.`, {
        hint: `Pass --fingerprint ${presented.fingerprint} once you have checked it on the appliance console.`,
      })
    throw new UnavailableError(message, {
      hint: `If you expect the change, check the new fingerprint on the appliance console and re-trust it with --fingerprint ${presented.fingerprint} (or --trust on a terminal).`,
    })
  }
  if (!options.confirm) {
    throw new UsageError(
      `The certificate of the appliance ${hostKey} is not trusted yet, and there is no terminal to ask on.`,
      {hint: noTerminalHint},
    )
  }
  const question = `First contact with the appliance ${hostKey}. Its certificate's SHA-256 fingerprint is\n  ${presented.fingerprint}\nCompare it with the one on the appliance console. Trust it?`
  if (await options.confirm(question)) return trust()
  throw new UnavailableError(`The certificate of ${hostKey} was not trusted; ctx did not connect.`, {
    hint: noTerminalHint,
  })
}
