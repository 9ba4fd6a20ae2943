import {itemsOf, type CitrixClient} from './client.js'
import {endpoints} from './endpoints.js'

/** [doc] A resource location as GET /resourcelocations gives it. */
export interface ResourceLocationWire {
  id: string
  name: string
  internalOnly: boolean
  timeZone: string
  readOnly: boolean
}

export interface ResourceLocation {
  id: string
  name: string
  internalOnly: boolean
  timeZone: string
  readOnly: boolean
}

export function toResourceLocation(wire: ResourceLocationWire): ResourceLocation {
  return {id: wire.id, name: wire.name, internalOnly: wire.internalOnly, timeZone: wire.timeZone, readOnly: wire.readOnly}
}

export async function listResourceLocations(client: CitrixClient): Promise<ResourceLocation[]> {
  const {body} = await client.call<unknown>(endpoints.listResourceLocations)
  return itemsOf<ResourceLocationWire>(body, endpoints.listResourceLocations).map(toResourceLocation)
}

