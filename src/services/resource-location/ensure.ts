import type {CitrixClient} from '../../citrix/client.js'
import {listResourceLocations, type ResourceLocation} from '../../citrix/resource-locations.js'
import {NotFoundError} from '../../errors.js'
import {addResourceLocation} from './create.js'
import {looksLikeId, resolveResourceLocation} from './resolve.js'

export interface EnsuredResourceLocation {
  id: string
  /** Set when there was none of that name and it was created. */
  created?: ResourceLocation
}

/**
 * `appliance register --create-location`: the location of that id or name, or a new one of that
 * name, so that registering into a new location needs no console. An id that is not there is exit 6.
 */
export async function findOrAddResourceLocation(client: CitrixClient, value: string): Promise<EnsuredResourceLocation> {
  const locations = await listResourceLocations(client)
  try {
    return {id: await resolveResourceLocation(value, async () => locations, {checkIds: true})}
  } catch (error) {
    if (!(error instanceof NotFoundError) || looksLikeId(value)) throw error
  }
  const created = await addResourceLocation(client, {name: value, locations})
  return {id: created.id, created}
}
