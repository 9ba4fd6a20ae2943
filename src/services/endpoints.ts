import {endpoints, type HttpMethod, type Mark} from '../citrix/endpoints.js'
import {resolveEndpoint} from '../citrix/regions.js'
import type {Region} from '../config/keys.js'

/** A row of the endpoint table as the profile's region calls it (citrix-api.md section 5). */
export interface EndpointRow {
  name: string
  method: HttpMethod
  /** The host in the region; null when Citrix publishes none there (Gov: product registrations, licensing). */
  host: string | null
  path: string
  /** oauth, cws, or appliance (the appliance's own Bearer token). */
  protocol: string
  mark: Mark
}

export interface EndpointTable {
  /** The profile's region; null for the global api.cloud.com. */
  region: Region | null
  /** Set under --api-url (sandbox, tests): every host maps to this one origin, paths kept. */
  apiUrl: string | null
  endpoints: EndpointRow[]
}

/** Every endpoint ctx calls, with the host, path and token protocol of the region. */
export function listEndpoints(options: {region?: Region; apiUrl?: string}): EndpointTable {
  const rows = Object.entries(endpoints).map(([name, endpoint]): EndpointRow => {
    const resolved = resolveEndpoint(endpoint, options.region)
    return resolved.known
      ? {
          name,
          method: endpoint.method,
          host: resolved.host,
          path: resolved.path,
          protocol: resolved.protocol,
          mark: resolved.mark,
        }
      : {
          name,
          method: endpoint.method,
          host: null,
          path: endpoint.path,
          protocol: endpoint.protocol,
          mark: endpoint.mark,
        }
  })
  return {region: options.region ?? null, apiUrl: options.apiUrl ?? null, endpoints: rows}
}
