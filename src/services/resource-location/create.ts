import type {CitrixClient} from '../../citrix/client.js'
import {
  createResourceLocation,
  listResourceLocations,
  type ResourceLocation,
  type ResourceLocationFields,
} from '../../citrix/resource-locations.js'
import {ConflictError, UsageError} from '../../errors.js'

/** [doc] The characters a resource location's name may not hold (the published pattern). */
const forbiddenInName = /[/\\#?%|[\]{}<>$^&+]/

/** A name Citrix accepts, trimmed; otherwise exit 2 before any call. */
export function checkLocationName(name: string, flag = '--name'): string {
  const trimmed = name.trim()
  if (!trimmed) throw new UsageError(`${flag} is empty.`, {hint: 'Give the resource location a name.'})
  const bad = forbiddenInName.exec(trimmed)
  if (bad)
    throw new UsageError(
      `${flag} "${trimmed}" holds "${bad[0]}", which Citrix Cloud does not allow in a resource location's name.`,
      {hint: 'Leave out / \\ # ? % | [ ] { } < > $ ^ & +.'},
    )
  return trimmed
}

/** Exit 7 when another location (not `exceptId`) has the name already, in any case. */
export function refuseTakenName(name: string, locations: ResourceLocation[], exceptId?: string): void {
  const taken = locations.find((l) => l.id !== exceptId && l.name.toLowerCase() === name.toLowerCase())
  if (taken) {
    throw new ConflictError(`A resource location is already named "${taken.name}" (${taken.id}).`, {
      hint: 'Pick another name; `ctx resource-location list` shows those there are.',
    })
  }
}

export interface AddResourceLocationOptions extends ResourceLocationFields {
  name: string
  /** The locations listed already (appliance register lists them to resolve a name); listed here otherwise. */
  locations?: ResourceLocation[]
}

/** Creates a resource location whose name no other has (exit 7 before the create call otherwise). */
export async function addResourceLocation(
  client: CitrixClient,
  options: AddResourceLocationOptions,
): Promise<ResourceLocation> {
  const name = checkLocationName(options.name)
  refuseTakenName(name, options.locations ?? (await listResourceLocations(client)))
  return createResourceLocation(client, {name, internalOnly: options.internalOnly, timeZone: options.timeZone})
}
