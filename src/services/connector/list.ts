import type {CitrixClient} from '../../citrix/client.js'
import {connectorKinds, listConnectors, type Connector, type ConnectorKind} from '../../citrix/connectors.js'
import {listResourceLocations, type ResourceLocation} from '../../citrix/resource-locations.js'
import {NotFoundError} from '../../errors.js'
import {matchesFilters, type SelectionFilters} from '../selection.js'

export interface ConnectorFilters extends SelectionFilters {
  /** A resource location id or name (any case). */
  resourceLocation?: string
  type?: ConnectorKind
}

export interface ConnectorRow extends Connector {
  locationName: string
}

function resolveLocation(locations: ResourceLocation[], wanted: string): ResourceLocation {
  const found = locations.find((l) => l.id === wanted) ?? locations.find((l) => l.name.toLowerCase() === wanted.toLowerCase())
  if (!found) {
    throw new NotFoundError(`No resource location has the id or name "${wanted}".`, {hint: 'List them with `ctx resource-location list`.'})
  }
  return found
}

/**
 * Connectors with their resource location's name, filtered by location and type (by Citrix) and by
 * `--name` and `--stale` (here). A connector that reports Connected is never stale, whatever its date says.
 */
export async function findConnectors(client: CitrixClient, filters: ConnectorFilters, now = new Date()): Promise<ConnectorRow[]> {
  const locations = await listResourceLocations(client)
  const location = filters.resourceLocation ? resolveLocation(locations, filters.resourceLocation) : undefined
  const connectors = await listConnectors(client, {location: location?.id, type: filters.type ? connectorKinds[filters.type] : undefined})
  const matches = matchesFilters(filters, now)
  return connectors
    .filter((c) => matches({name: c.fqdn, lastContactAt: c.lastContactAt, canBeStale: c.status !== 'Connected'}))
    .map((c) => ({...c, locationName: locations.find((l) => l.id === c.location)?.name ?? c.location}))
}

export async function listConnectorsService(client: CitrixClient, filters: ConnectorFilters, now = new Date()): Promise<ConnectorRow[]> {
  const rows = await findConnectors(client, filters, now)
  return rows.sort((a, b) => a.locationName.localeCompare(b.locationName) || a.fqdn.localeCompare(b.fqdn))
}
