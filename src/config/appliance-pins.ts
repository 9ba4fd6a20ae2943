import type {ConfigStore, StoredProfile} from './store.js'

/** An appliance certificate the user chose to trust, pinned per host:port in the profile. */
export interface PinnedCertificate {
  fingerprint: string
  /** The certificate itself: TLS then verifies against exactly this certificate. */
  certificate: string
  trustedAt: string
}

type Pins = Record<string, PinnedCertificate>

const pinsKey = 'appliances'

function pinsIn(stored: StoredProfile | undefined): Pins {
  const value = stored?.[pinsKey]
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Pins) : {}
}

export function pinnedCertificate(store: ConfigStore, profile: string, host: string): PinnedCertificate | undefined {
  const pin = pinsIn(store.profile(profile))[host]
  return typeof pin?.fingerprint === 'string' && typeof pin.certificate === 'string' ? pin : undefined
}

/** Adds the pin to those on disk at the moment of writing, so that a pin saved meanwhile by another ctx stays. */
export function pinCertificate(store: ConfigStore, profile: string, host: string, pin: PinnedCertificate): void {
  store.updateProfile(profile, (current) => ({[pinsKey]: {...pinsIn(current), [host]: pin}}))
}
