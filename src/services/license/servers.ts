import type {CitrixClient} from '../../citrix/client.js'
import {listLicenseServers, type LicenseServerHealth} from '../../citrix/licensing.js'

export interface LicenseServerList {
  /** True when only the stale servers are listed (--stale). */
  staleOnly: boolean
  /** How many servers the partner has, stale or not. */
  total: number
  servers: LicenseServerHealth[]
}

/**
 * [seen: csp-lui-scripts] The partner's on-premises license servers and their health; with `staleOnly`,
 * those not phoning home, never reported, not in back office, expired or expiring within 90 days, or non-compliant.
 */
export async function listLicenseServerHealth(
  client: CitrixClient,
  options: {staleOnly?: boolean} = {},
): Promise<LicenseServerList> {
  const all = await listLicenseServers(client)
  const servers = (options.staleOnly ? all.filter((server) => server.stale) : all).sort(
    (a, b) => Number(b.stale) - Number(a.stale) || a.fqdn.localeCompare(b.fqdn),
  )
  return {staleOnly: Boolean(options.staleOnly), total: all.length, servers}
}
