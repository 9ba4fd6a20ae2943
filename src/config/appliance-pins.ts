import type {ConfigStore} from './store.js'

/** An appliance certificate the user chose to trust, pinned per host:port in the profile. */
export interface PinnedCertificate {
  fingerprint: string
  /** The certificate itself: TLS then verifies against exactly this certificate. */
  certificate: string
  trustedAt: string
}

type Pins = Record<string, PinnedCertificate>

const pinsKey = 'appliances'

function pinsOf(store: ConfigStore, profile: string): Pins {
  const value = store.profile(profile)?.[pinsKey]
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Pins) : {}
}

export function pinnedCertificate(store: ConfigStore, profile: string, host: string): PinnedCertificate | undefined {
  const pin = pinsOf(store, profile)[host]
  return typeof pin?.fingerprint === 'string' && typeof pin.certificate === 'string' ? pin : undefined
}

export function pinCertificate(store: ConfigStore, profile: string, host: string, pin: PinnedCertificate): void {
  store.updateProfile(profile, {[pinsKey]: {...pinsOf(store, profile), [host]: pin}})
}
