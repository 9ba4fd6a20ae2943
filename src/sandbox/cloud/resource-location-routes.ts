import {endpoints} from '../../citrix/endpoints.js'
import {citrixError, ok, serve, type SandboxRoute} from '../http/router.js'

export const resourceLocationRoutes: SandboxRoute[] = [
  serve(endpoints.listResourceLocations, 'cws', async (_request, context) => {
    const state = await context.store.read()
    return ok({items: state.resourceLocations})
  }),
  serve(endpoints.getResourceLocation, 'cws', async (request, context) => {
    const state = await context.store.read()
    const location = state.resourceLocations.find((l) => l.id === request.params.id)
    return location ? ok(location) : citrixError(404, 'common/notFound', `Resource location ${request.params.id} not found`)
  }),
]
