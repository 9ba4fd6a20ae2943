import type {Region} from '../config/keys.js'
import type {Endpoint, HostKind, Mark, TokenProtocol} from './endpoints.js'

// [doc] Citrix Cloud API hosts per region. Gov (terraform-provider-citrix, citrix-daas-rest-go) has
// its own hosts and takes the cws token on every call.
export interface RegionHosts {
  apiHost: string
}

export const globalApiHost = 'api.cloud.com'

export const regionHosts: Record<Region, RegionHosts> = {
  us: {apiHost: 'api-us.cloud.com'},
  eu: {apiHost: 'api-eu.cloud.com'},
  'ap-s': {apiHost: 'api-ap-s.cloud.com'},
  jp: {apiHost: 'api.citrixcloud.jp'},
  gov: {apiHost: 'api.cloud.us'},
}

/** [seen] Product registrations live on their own host. */
export const trustHost = 'trust.citrixnetworkapi.net'

/** The hosts of every commercial region beside the region's API host (section 1, 3, 4 of citrix-api.md). */
const commercialHosts: Partial<Record<HostKind, string>> = {
  trust: trustHost,
  'cws-trust': 'trust.citrixworkspacesapi.net',
  cloudlicense: 'cloudlicense.citrixworkspacesapi.net',
  licensing: 'licensing.citrixworkspacesapi.net',
  partner: 'partner.citrixworkspacesapi.net',
}

/** [doc] Gov's hosts; a host kind missing here is not known in Gov. */
const govHosts: Partial<Record<HostKind, string>> = {
  api: regionHosts.gov.apiHost,
  'cws-trust': 'trust.citrixworkspacesapi.us',
  registry: 'registry.citrixworkspacesapi.us',
}

export const applianceHostLabel = '{appliance-host}'

/** A row of the endpoint table as it is in one region. */
export type ResolvedEndpoint =
  {known: true; host: string; path: string; mark: Mark; protocol: TokenProtocol | 'appliance'} | {known: false}

/** The host of a host kind in a region (unset: the global alias); undefined when not known there. */
export function hostFor(kind: HostKind, region: Region | undefined): string | undefined {
  if (kind === 'appliance') return applianceHostLabel
  if (region === 'gov') return govHosts[kind]
  if (kind === 'api') return region ? regionHosts[region].apiHost : globalApiHost
  return commercialHosts[kind]
}

/** Where a row is called in a region, and with which token: every Gov call takes the cws one. */
export function resolveEndpoint(endpoint: Endpoint, region: Region | undefined): ResolvedEndpoint {
  if (region === 'gov' && endpoint.host !== 'appliance') {
    if (endpoint.gov === null) return {known: false}
    const variant = endpoint.gov ?? {host: endpoint.host, path: endpoint.path, mark: endpoint.mark}
    const host = hostFor(variant.host, region)
    return host ? {known: true, host, path: variant.path, mark: variant.mark, protocol: 'cws'} : {known: false}
  }
  const host = hostFor(endpoint.host, region)
  return host
    ? {known: true, host, path: endpoint.path, mark: endpoint.mark, protocol: endpoint.protocol}
    : {known: false}
}

/** The token protocol of a region's own calls (auth login and status): cws in Gov, OAuth elsewhere. */
export function defaultProtocol(region: Region | undefined): TokenProtocol {
  return region === 'gov' ? 'cws' : 'oauth'
}

/** Every Citrix Cloud host a profile of this region calls (appliances aside), the API host first. */
export function hostsOfRegion(all: Record<string, Endpoint>, region: Region | undefined): string[] {
  const hosts = new Set<string>()
  for (const endpoint of Object.values(all)) {
    if (endpoint.host === 'appliance') continue
    const resolved = resolveEndpoint(endpoint, region)
    if (resolved.known) hosts.add(resolved.host)
  }
  const api = hostFor('api', region)
  return [...hosts].sort((a, b) => Number(b === api) - Number(a === api) || a.localeCompare(b))
}
