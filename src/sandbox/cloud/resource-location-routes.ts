import {randomUUID} from 'node:crypto'

import {endpoints} from '../../citrix/endpoints.js'
import type {ResourceLocationWire} from '../../citrix/resource-locations.js'
import {citrixError, ok, serve, type SandboxReply, type SandboxRequest, type SandboxRoute} from '../http/router.js'

// [doc] openapi/ccresourcelocations.yaml: GET (a list in `items`, or one), POST (`name` required;
// `internalOnly`, `timeZone`, `readOnly`) → 200 the model, PUT → 200 the model, DELETE → 204.
// [doc: terraform-provider-citrix #123, #132] DELETE answers 400 while a connector remains in the
// location; its body is not published, so it is the contract's common envelope [model], as are the
// validation answers below.

type Body = Record<string, unknown>

/** [doc] The name's published pattern: none of / \ # ? % | [ ] { } < > $ ^ & + */
const forbiddenInName = /[/\\#?%|[\]{}<>$^&+]/

const notFound = (id: string) => citrixError(404, 'common/notFound', `Resource location ${id} not found`)
const missing = (field: string) => citrixError(400, 'common/missing', `Field "${field}" is missing.`, {property: field})
const invalid = (field: string) =>
  citrixError(400, 'common/invalid', `Field "${field}" has an invalid value.`, {property: field})

function bodyOf(request: SandboxRequest): Body | undefined {
  return request.body && typeof request.body === 'object' && !Array.isArray(request.body)
    ? (request.body as Body)
    : undefined
}

/** The first field of the model that is there with the wrong type or value; `name` only when it is given. */
function invalidField(body: Body): SandboxReply | undefined {
  if ('name' in body && (typeof body.name !== 'string' || body.name.trim() === '' || forbiddenInName.test(body.name)))
    return invalid('name')
  for (const flag of ['internalOnly', 'readOnly'] as const)
    if (flag in body && typeof body[flag] !== 'boolean') return invalid(flag)
  if ('timeZone' in body && typeof body.timeZone !== 'string') return invalid('timeZone')
  return undefined
}

export const resourceLocationRoutes: SandboxRoute[] = [
  serve(endpoints.listResourceLocations, 'cws', async (_request, context) => {
    const state = await context.store.read()
    return ok({items: state.resourceLocations})
  }),
  serve(endpoints.getResourceLocation, 'cws', async (request, context) => {
    const state = await context.store.read()
    const location = state.resourceLocations.find((l) => l.id === request.params.id)
    return location ? ok(location) : notFound(request.params.id!)
  }),
  serve(endpoints.createResourceLocation, 'cws', async (request, context) => {
    const body = bodyOf(request)
    if (!body || body.name === undefined || body.name === null) return missing('name')
    const refused = invalidField(body)
    if (refused) return refused
    const location: ResourceLocationWire = {
      id: randomUUID(),
      name: body.name as string,
      internalOnly: (body.internalOnly as boolean | undefined) ?? false,
      timeZone: (body.timeZone as string | undefined) ?? 'UTC',
      readOnly: (body.readOnly as boolean | undefined) ?? false,
    }
    await context.store.update((state) => void state.resourceLocations.push(location))
    return ok(location)
  }),
  serve(endpoints.updateResourceLocation, 'cws', async (request, context) => {
    const id = request.params.id!
    const body = bodyOf(request)
    if (!body) return missing('model')
    const refused = invalidField(body)
    if (refused) return refused
    const updated = await context.store.update((state) => {
      const location = state.resourceLocations.find((l) => l.id === id)
      if (!location) return undefined
      for (const field of ['name', 'internalOnly', 'timeZone', 'readOnly'] as const) {
        if (body[field] !== undefined) (location as unknown as Body)[field] = body[field]
      }
      return {...location}
    })
    return updated ? ok(updated) : notFound(id)
  }),
  serve(endpoints.deleteResourceLocation, 'cws', async (request, context) => {
    const id = request.params.id!
    const outcome = await context.store.update((state): SandboxReply => {
      if (!state.resourceLocations.some((l) => l.id === id)) return notFound(id)
      const connectors = state.connectors.filter((c) => c.location === id)
      if (connectors.length > 0) {
        return citrixError(
          400,
          'common/badRequest',
          `The resource location ${id} still has ${connectors.length} connector(s); remove them first.`,
          {reason: 'connectorsRemain'},
        )
      }
      state.resourceLocations = state.resourceLocations.filter((l) => l.id !== id)
      return {status: 204}
    })
    return outcome
  }),
]
