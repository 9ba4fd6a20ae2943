import type {CitrixClient} from '../../citrix/client.js'
import {listResourceLocations, type ResourceLocation} from '../../citrix/resource-locations.js'
import {NotFoundError, UsageError} from '../../errors.js'

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A value that is taken for an id, not a name. */
export const looksLikeId = (value: string): boolean => uuidShape.test(value.trim())

export interface ResolveResourceLocationOptions {
  /**
   * An id must be one of the listed locations. Off (`appliance register`), an id is used as given,
   * with no Citrix Cloud call, so that the manual flow needs no API client; on (the connector filters,
   * which list the locations anyway), an unknown id is exit 6 rather than an empty result.
   */
  checkIds?: boolean
}

/** --resource-location: the id of a resource location given by id or by name (any case); an ambiguous name is exit 2. */
export async function resolveResourceLocation(
  value: string,
  locations: () => Promise<ResourceLocation[]>,
  options: ResolveResourceLocationOptions = {},
): Promise<string> {
  const wanted = value.trim()
  if (!options.checkIds && uuidShape.test(wanted)) return wanted
  const all = await locations()
  const byId = all.find((l) => l.id === wanted)
  if (byId) return byId.id
  const matches = all.filter((l) => l.name.toLowerCase() === wanted.toLowerCase())
  if (matches.length === 1) return matches[0]!.id
  if (matches.length > 1) {
    throw new UsageError(`${matches.length} resource locations are named "${value}".`, {
      hint: `Pass the id instead: ${matches.map((l) => l.id).join(', ')}.`,
    })
  }
  throw new NotFoundError(`No resource location is named "${value}" or has that id.`, {
    hint: 'List them with `ctx resource-location list`.',
  })
}

export const resourceLocationsOf = (client: CitrixClient) => () => listResourceLocations(client)
