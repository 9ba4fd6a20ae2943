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
export async function pinCertificate(
  store: ConfigStore,
  profile: string,
  host: string,
  pin: PinnedCertificate,
): Promise<void> {
  await store.updateProfile(profile, (current) => ({[pinsKey]: {...pinsIn(current), [host]: pin}}))
}

/** Every pinned appliance certificate of the profile, by host:port. */
export function pinnedCertificates(store: ConfigStore, profile: string): Array<PinnedCertificate & {host: string}> {
  return Object.entries(pinsIn(store.profile(profile)))
    .filter(([, pin]) => typeof pin?.fingerprint === 'string')
    .map(([host, pin]) => ({host, ...pin}))
}

/** Drops the pin of one host:port, in one locked write; false when there was none. */
export async function forgetPinnedCertificate(store: ConfigStore, profile: string, host: string): Promise<boolean> {
  let found = false
  await store.updateProfile(profile, (current) => {
    const {[host]: pin, ...rest} = pinsIn(current)
    found = pin !== undefined
    return found ? {[pinsKey]: Object.keys(rest).length > 0 ? rest : undefined} : {}
  })
  return found
}
