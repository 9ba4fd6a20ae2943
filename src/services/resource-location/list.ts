import type {CitrixClient} from '../../citrix/client.js'
import {listResourceLocations, type ResourceLocation} from '../../citrix/resource-locations.js'

export async function listResourceLocationsByName(client: CitrixClient): Promise<ResourceLocation[]> {
  const locations = await listResourceLocations(client)
  return locations.sort((a, b) => a.name.localeCompare(b.name))
}
