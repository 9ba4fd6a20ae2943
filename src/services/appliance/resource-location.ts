import type {CitrixClient} from '../../citrix/client.js'
import {listResourceLocations, type ResourceLocation} from '../../citrix/resource-locations.js'
import {NotFoundError, UsageError} from '../../errors.js'

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * --resource-location takes an id or a name. An id is used as given (no Citrix Cloud call, so the
 * manual flow needs no API client); a name is looked up among the customer's resource locations.
 */
export async function resolveResourceLocation(value: string, list: () => Promise<ResourceLocation[]>): Promise<string> {
  if (uuidShape.test(value.trim())) return value.trim()
  const wanted = value.trim().toLowerCase()
  const matches = (await list()).filter((l) => l.name.toLowerCase() === wanted)
  if (matches.length === 1) return matches[0]!.id
  if (matches.length > 1) {
    throw new UsageError(`${matches.length} resource locations are named "${value}".`, {hint: `Pass the id instead: ${matches.map((l) => l.id).join(', ')}.`})
  }
  throw new NotFoundError(`No resource location is named "${value}".`, {hint: 'List them with `ctx resource-location list`.'})
}

export const resourceLocationsOf = (client: CitrixClient) => () => listResourceLocations(client)
