import type {CitrixClient} from '../../citrix/client.js'
import {connectorKinds, listConnectors, type Connector, type ConnectorKind} from '../../citrix/connectors.js'
import {listResourceLocations} from '../../citrix/resource-locations.js'
import {resolveResourceLocation} from '../resource-location/resolve.js'
import {matchesFilters, type SelectionFilters} from '../selection.js'

export interface ConnectorFilters extends SelectionFilters {
  /** A resource location id or name (any case). */
  resourceLocation?: string
  type?: ConnectorKind
}

export interface ConnectorRow extends Connector {
  locationName: string
}

/**
 * [seen] Connector Appliances may be absent from /connectors: an empty `--type appliance` says where
 * else to look.
 */
export const appliancesMayBeAbsent =
  'Citrix may not list Connector Appliances here. See the registered appliances with `ctx product list --product connector-appliance`.'

/**
 * Connectors with their resource location's name, filtered by location and type (by Citrix) and by
 * `--name` and `--stale` (here). [doc] Citrix's own sample answers `status: Unknown`, so staleness rests
 * on `lastContactDate` alone: a recent (or missing) last contact is never stale, and a connector that
 * reports Connected is never stale whatever its date says.
 */
export async function findConnectors(
  client: CitrixClient,
  filters: ConnectorFilters,
  now = new Date(),
  /** Told every connector Citrix listed, before --name and --stale (a removal checks what each location keeps). */
  listed?: (connectors: Connector[]) => void,
): Promise<ConnectorRow[]> {
  const locations = await listResourceLocations(client)
  const location = filters.resourceLocation
    ? await resolveResourceLocation(filters.resourceLocation, async () => locations, {checkIds: true})
    : undefined
  const connectors = await listConnectors(client, {
    location,
    type: filters.type ? connectorKinds[filters.type] : undefined,
  })
  listed?.(connectors)
  const matches = matchesFilters(filters, now)
  return connectors
    .filter((c) => matches({name: c.fqdn, lastContactAt: c.lastContactAt, canBeStale: c.status !== 'Connected'}))
    .map((c) => ({...c, locationName: locations.find((l) => l.id === c.location)?.name ?? c.location}))
}

export async function listConnectorRows(
  client: CitrixClient,
  filters: ConnectorFilters,
  now = new Date(),
): Promise<ConnectorRow[]> {
  const rows = await findConnectors(client, filters, now)
  return rows.sort((a, b) => a.locationName.localeCompare(b.locationName) || a.fqdn.localeCompare(b.fqdn))
}
