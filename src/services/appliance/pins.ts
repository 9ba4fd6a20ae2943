import {parseApplianceAddress} from '../../citrix/appliance.js'
import {forgetPinnedCertificate, pinnedCertificates} from '../../config/appliance-pins.js'
import type {ConfigStore} from '../../config/store.js'

export interface AppliancePin {
  /** host:port, as `--host` reaches it. */
  host: string
  /** sha256:…, as the appliance console shows it. */
  fingerprint: string
  trustedAt: string
}

export interface AppliancePins {
  profile: string
  pins: AppliancePin[]
}

export interface ForgottenPin {
  profile: string
  host: string
  /** False when no certificate was pinned for that host. */
  forgotten: boolean
}

/** The appliance certificates the profile trusts (pinned on first use), sorted by host. */
export function listAppliancePins(store: ConfigStore, profile: string): AppliancePins {
  const pins = pinnedCertificates(store, profile)
    .map(({host, fingerprint, trustedAt}) => ({host, fingerprint, trustedAt}))
    .sort((a, b) => a.host.localeCompare(b.host))
  return {profile, pins}
}

/** Forgets the pinned certificate of an appliance (host or host:port): the next connection asks to trust it again. */
export async function forgetAppliancePin(store: ConfigStore, profile: string, host: string): Promise<ForgottenPin> {
  const {key} = parseApplianceAddress(host)
  return {profile, host: key, forgotten: await forgetPinnedCertificate(store, profile, key)}
}
