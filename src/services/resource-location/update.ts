import type {CitrixClient} from '../../citrix/client.js'
import {
  listResourceLocations,
  updateResourceLocation,
  type ResourceLocation,
  type ResourceLocationFields,
} from '../../citrix/resource-locations.js'
import {UsageError} from '../../errors.js'
import {checkLocationName, refuseTakenName} from './create.js'
import {resolveResourceLocation} from './resolve.js'

export interface ChangeResourceLocationOptions extends ResourceLocationFields {
  /** The location's id or name. */
  location: string
}

export interface ResourceLocationUpdate {
  resourceLocation: ResourceLocation
  /** The fields whose value changed; empty when every value given was the one it had (then nothing is sent). */
  changed: Array<keyof ResourceLocationFields>
}

/**
 * Changes a location's name, connectivity or time zone. The PUT carries every field with its new or
 * present value, so that a service reading the update as a whole model loses nothing. A new name that
 * another location has is exit 7 before the call.
 */
export async function changeResourceLocation(
  client: CitrixClient,
  options: ChangeResourceLocationOptions,
): Promise<ResourceLocationUpdate> {
  if (options.name === undefined && options.internalOnly === undefined && options.timeZone === undefined) {
    throw new UsageError('Nothing to change.', {
      hint: 'Give --name, --internal-only or --no-internal-only, or --time-zone.',
    })
  }
  const name = options.name === undefined ? undefined : checkLocationName(options.name)
  const locations = await listResourceLocations(client)
  const id = await resolveResourceLocation(options.location, async () => locations, {checkIds: true})
  const current = locations.find((l) => l.id === id)!
  if (name !== undefined) refuseTakenName(name, locations, id)
  const wanted = {
    name: name ?? current.name,
    internalOnly: options.internalOnly ?? current.internalOnly,
    timeZone: options.timeZone ?? current.timeZone,
  }
  const changed = (Object.keys(wanted) as Array<keyof typeof wanted>).filter(
    (field) => wanted[field] !== current[field],
  )
  if (changed.length === 0) return {resourceLocation: current, changed}
  return {resourceLocation: await updateResourceLocation(client, id, wanted), changed}
}
