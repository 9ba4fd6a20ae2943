import type {RegisteredProductWire} from '../../citrix/products.js'
import {endpoints} from '../../citrix/endpoints.js'
import {citrixError, ok, serve, type SandboxReply, type SandboxRoute} from '../http/router.js'
import type {SandboxSettings} from '../state/settings.js'
import {pagedReply, tablePages, type PagingRules} from './paging.js'

// [seen] The list: `limit=-1` (or none) gives every item, under the envelope the sandbox's
// `productsEnvelope` setting names (`items`, `Items` or a bare array); [model] `limit=N` (1–500) pages
// with an opaque `continuationToken`. [model] Without `productsLastContact`, no `lastContactTime`.
// [model] Removing a registration unregisters the sandbox appliance it belonged to.

/** A registration as the sandbox's settings serve it: without `lastContactTime` when they say so. */
export function servedProduct(product: RegisteredProductWire, settings: SandboxSettings): RegisteredProductWire {
  if (settings.productsLastContact !== false) return product
  const {lastContactTime: _omitted, ...rest} = product
  return rest
}

/** Every item at once (`limit=-1`) under the configured envelope; pages keep `{items, continuationToken}`. */
function enveloped(reply: SandboxReply, settings: SandboxSettings, all: boolean): SandboxReply {
  const envelope = settings.productsEnvelope ?? 'items'
  if (!all || reply.status !== 200 || envelope === 'items') return reply
  const {items} = reply.body as {items: unknown[]}
  return ok(envelope === 'bare' ? items : {Items: items})
}

const productPaging: PagingRules = {
  defaultLimit: 'all',
  maxLimit: 500,
  badLimit: () => citrixError(400, 'common/badRequest', 'limit must be -1 or from 1 to 500', {property: 'limit'}),
  badToken: () =>
    citrixError(400, 'common/badRequest', 'continuationToken is not valid', {property: 'continuationToken'}),
}

export const productRoutes: SandboxRoute[] = [
  serve(endpoints.listRegisteredProducts, 'cws', async (request, context) => {
    const {registeredProducts, settings} = await context.store.read()
    const reply = pagedReply(
      request,
      productPaging,
      tablePages(registeredProducts.length, (i) => servedProduct(registeredProducts[i]!, settings)),
    )
    const limit = request.query.get('limit')
    return enveloped(reply, settings, limit === null || limit === '-1')
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
