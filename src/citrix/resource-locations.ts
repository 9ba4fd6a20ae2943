// [doc] Resource locations (openapi/ccresourcelocations.yaml; citrix-api.md section 2).

import {UnavailableError} from '../errors.js'
import {itemsOf, type CitrixClient} from './client.js'
import {endpoints} from './endpoints.js'
import {removedOrGone} from './removal.js'

/** [doc] A resource location as GET /resourcelocations gives it (ResourceLocationModel). */
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

/** Read tolerantly: a `null` or missing flag or time zone is false or empty, not an error. */
export function toResourceLocation(wire: ResourceLocationWire): ResourceLocation {
  return {
    id: wire.id,
    name: wire.name,
    internalOnly: wire.internalOnly ?? false,
    timeZone: wire.timeZone ?? '',
    readOnly: wire.readOnly ?? false,
  }
}

export async function listResourceLocations(client: CitrixClient): Promise<ResourceLocation[]> {
  const {body} = await client.call<unknown>(endpoints.listResourceLocations)
  return itemsOf<ResourceLocationWire>(body, endpoints.listResourceLocations).map(toResourceLocation)
}

/** What a create or an update sends: ResourceLocationModel / ResourceLocationUpdateModel without `id` and `readOnly` (Citrix's to set). */
export interface ResourceLocationFields {
  name?: string
  internalOnly?: boolean
  timeZone?: string
}

function locationFrom(body: ResourceLocationWire | undefined, call: string): ResourceLocation {
  if (!body || typeof body !== 'object' || typeof body.id !== 'string' || !body.id) {
    throw new UnavailableError(`Citrix Cloud answered ${call} without the field "id".`, {
      hint: 'Check with `ctx resource-location list` whether the change was made.',
    })
  }
  return toResourceLocation(body)
}

/** [doc] POST /resourcelocations (`name` required) → 200 the new location with its id. */
export async function createResourceLocation(
  client: CitrixClient,
  fields: ResourceLocationFields & {name: string},
): Promise<ResourceLocation> {
  const {body} = await client.call<ResourceLocationWire>(endpoints.createResourceLocation, {json: fields})
  return locationFrom(body, 'POST /resourcelocations')
}

/** [doc] PUT /resourcelocations/{id} → 200 the location as it now is. */
export async function updateResourceLocation(
  client: CitrixClient,
  id: string,
  fields: ResourceLocationFields,
): Promise<ResourceLocation> {
  const {body} = await client.call<ResourceLocationWire>(endpoints.updateResourceLocation, {params: {id}, json: fields})
  return locationFrom(body, 'PUT /resourcelocations/{id}')
}

/**
 * [doc] DELETE /resourcelocations/{id} → 204; 404 means it is gone already. Citrix answers 400 while
 * connectors remain in it (terraform-provider-citrix #123, #132).
 */
export async function deleteResourceLocation(
  client: CitrixClient,
  id: string,
  hints?: Partial<Record<number, string>>,
): Promise<'removed' | 'not-found'> {
  return removedOrGone(() => client.call(endpoints.deleteResourceLocation, {params: {id}, hints}))
}
