import {endpoints} from '../../citrix/endpoints.js'
import {citrixError, ok, serve, type SandboxRoute} from '../http/router.js'

// [seen] The list: `limit=-1` (or none) gives every item; [model] `limit=N` (1–500) pages with an opaque
// `continuationToken`. [model] Removing a registration unregisters the sandbox appliance it belonged to.

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({offset})).toString('base64url')

function decodeToken(token: string): number | undefined {
  try {
    const {offset} = JSON.parse(Buffer.from(token, 'base64url').toString()) as {offset?: unknown}
    return Number.isInteger(offset) && (offset as number) >= 0 ? (offset as number) : undefined
  } catch {
    return undefined
  }
}

export const productRoutes: SandboxRoute[] = [
  serve(endpoints.listRegisteredProducts, 'cws', async (request, context) => {
    const {registeredProducts} = await context.store.read()
    const limit = Number(request.query.get('limit') ?? '-1')
    if (limit === -1) return ok({items: registeredProducts})
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      return citrixError(400, 'common/badRequest', 'limit must be -1 or from 1 to 500', {property: 'limit'})
    }
    const token = request.query.get('continuationToken')
    const offset = token ? decodeToken(token) : 0
    if (offset === undefined) return citrixError(400, 'common/badRequest', 'continuationToken is not valid', {property: 'continuationToken'})
    const end = offset + limit
    return ok({items: registeredProducts.slice(offset, end), continuationToken: end < registeredProducts.length ? encodeToken(end) : null})
  }),
  serve(endpoints.removeRegisteredProduct, 'cws', async (request, context) => {
    const id = request.params.instanceId!
    const removed = await context.store.update((state) => {
      const index = state.registeredProducts.findIndex((p) => p.instanceID === id)
      if (index < 0) return false
      state.registeredProducts.splice(index, 1)
      for (const appliance of state.appliances) if (appliance.instanceID === id) delete appliance.instanceID
      return true
    })
    return removed ? {status: 204} : citrixError(404, 'common/notFound', `Registered product ${id} not found`)
  }),
]
