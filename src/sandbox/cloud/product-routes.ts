import {endpoints} from '../../citrix/endpoints.js'
import {citrixError, serve, type SandboxRoute} from '../http/router.js'
import {pagedReply, tablePages, type PagingRules} from './paging.js'

// [seen] The list: `limit=-1` (or none) gives every item; [model] `limit=N` (1–500) pages with an opaque
// `continuationToken`. [model] Removing a registration unregisters the sandbox appliance it belonged to.

const productPaging: PagingRules = {
  defaultLimit: 'all',
  maxLimit: 500,
  badLimit: () => citrixError(400, 'common/badRequest', 'limit must be -1 or from 1 to 500', {property: 'limit'}),
  badToken: () => citrixError(400, 'common/badRequest', 'continuationToken is not valid', {property: 'continuationToken'}),
}

export const productRoutes: SandboxRoute[] = [
  serve(endpoints.listRegisteredProducts, 'cws', async (request, context) => {
    const {registeredProducts} = await context.store.read()
    return pagedReply(request, productPaging, tablePages(registeredProducts.length, (i) => registeredProducts[i]!))
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
