import {endpoints} from '../../citrix/endpoints.js'
import {citrixError, ok, serve, type SandboxRoute} from '../http/router.js'

// [doc] GET /connectors answers a bare array, filtered by `Location` and `ConnectorType`
// (`ExtendedData` and `RetrieveExpectedVersion` change nothing here); DELETE answers 200 `true`.

export const connectorRoutes: SandboxRoute[] = [
  serve(endpoints.listConnectors, 'cws', async (request, context) => {
    const location = request.query.get('Location')
    const type = request.query.get('ConnectorType')?.toLowerCase()
    const {connectors} = await context.store.read()
    return ok(
      connectors.filter(
        (c) => (!location || c.location === location) && (!type || c.connectorType.toLowerCase() === type),
      ),
    )
  }),
  serve(endpoints.deleteConnector, 'cws', async (request, context) => {
    const id = request.params.id!
    const removed = await context.store.update((state) => {
      const before = state.connectors.length
      state.connectors = state.connectors.filter((c) => c.id !== id)
      return state.connectors.length < before
    })
    return removed ? ok(true) : citrixError(404, 'common/notFound', `Connector ${id} not found`)
  }),
]
