import {createHash} from 'node:crypto'

import {endpoints} from '../../../citrix/endpoints.js'
import {maxPageSize, maxReleaseBatch} from '../../../citrix/licensing.js'
import {formatMonth, monthNumber, monthOf, parseMonth} from '../../../util/months.js'
import {
  citrixError,
  ok,
  serve,
  type SandboxContext,
  type SandboxReply,
  type SandboxRequest,
  type SandboxRoute,
} from '../../http/router.js'
import type {SandboxState} from '../../state/types.js'
import {pagedReply, tablePages, type PagingRules} from '../paging.js'
import {allConsumers, consumerPage, consumerTable, findConsumer, releasedIds, type ConsumerKind} from './consumers.js'
import {
  cloudCustomer,
  cloudSummary,
  licenseServers,
  licenseUsageData,
  onPremCustomer,
  partnerDirectory,
} from './partners.js'
import {concurrentSummary, currentUsage, historyBetween, isEntitled, totalUsage} from './usage.js'

/** [doc] Licensing's 400: `error_description` is itself a JSON string. */
function licensingBadRequest(message: string): SandboxReply {
  return {status: 400, body: {error_description: JSON.stringify({Code: 400, Message: message, Details: message})}}
}

const notEntitled = () => citrixError(404, 'licensing/notFound', 'The customer is not entitled to this product.')

/** [doc] The generic licensing error shape: a bare code as `type`, `parameters` an object. */
const genericNotFound = (value: string): SandboxReply => ({
  status: 404,
  body: {type: '404', detail: 'resource not found', parameters: {name: 'entityType', value}},
})

/** A concurrent-only customer (sandbox setting) has no user/device Citrix DaaS licenses. */
const concurrentOnly = (state: SandboxState, segment: string) =>
  segment === 'cvad' && state.settings.daasLicenseModel === 'concurrent'

/** Entitled to the product's user/device calls; else the 404 Citrix gives. */
function userDeviceRefusal(state: SandboxState, segment: string): SandboxReply | undefined {
  if (!isEntitled(state, segment)) return notEntitled()
  if (concurrentOnly(state, segment)) return genericNotFound('UserDeviceLicense')
  return undefined
}

const licensingPaging: PagingRules = {
  defaultLimit: 200,
  maxLimit: maxPageSize,
  badLimit: () =>
    citrixError(400, 'common/badRequest', `limit must be an integer from 1 to ${maxPageSize}.`, {name: 'limit'}),
  badToken: () =>
    citrixError(400, 'common/badRequest', 'The continuation token is not valid.', {name: 'continuationToken'}),
}

function consumerList(kind: ConsumerKind) {
  return async (request: SandboxRequest, context: SandboxContext) => {
    const state = await context.store.read()
    const refused = userDeviceRefusal(state, request.params.product!)
    if (refused) return refused
    const table = consumerTable(state, request.params.product!, kind)
    const released = releasedIds(state, request.params.product!)
    return pagedReply(request, licensingPaging, (start, limit) => consumerPage(table, released, start, limit))
  }
}

/** [model] Partner history reaches back 12 months; a later month has no figures yet. */
function partnerMonth(request: SandboxRequest, now: Date, parameter = 'month'): string | SandboxReply {
  const text = request.query.get(parameter) ?? formatMonth(monthOf(now))
  const month = parseMonth(text)
  if (!month)
    return citrixError(400, 'common/badRequest', `${parameter} "${text}" is not in the form yyyy-MM.`, {
      name: parameter,
    })
  const current = monthNumber(monthOf(now))
  if (monthNumber(month) < current - 12 || monthNumber(month) > current) {
    return citrixError(400, 'common/outOfRange', `month ${text} is out of range: the last 12 months are kept.`, {
      name: 'month',
    })
  }
  return text
}

function partnerCustomers<T>(make: (state: SandboxState, month: string, index: number) => T) {
  return async (request: SandboxRequest, context: SandboxContext) => {
    const month = partnerMonth(request, context.now())
    if (typeof month !== 'string') return month
    const state = await context.store.read()
    return pagedReply(
      request,
      licensingPaging,
      tablePages(state.settings.sizes.customers, (index) => make(state, month, index)),
    )
  }
}

export const licensingRoutes: SandboxRoute[] = [
  serve(endpoints.licenseCurrentUsage, 'cws', async (request, context) => {
    const state = await context.store.read()
    const refused = userDeviceRefusal(state, request.params.product!)
    if (refused) return refused
    return ok(currentUsage(state, request.params.product!, context.now(), request.claims!.customerId))
  }),

  // [seen] Endpoint Management and Secure Private Access, on cloudlicense.citrixworkspacesapi.net: no user/device split.
  serve(endpoints.cloudLicenseCurrentUsage, 'cws', async (request, context) => {
    const state = await context.store.read()
    const segment = request.params.product!
    if (segment !== 'xenmobile' && segment !== 'secureworkspaceaccess') return genericNotFound('Product')
    if (!isEntitled(state, segment)) return notEntitled()
    return ok(totalUsage(state, segment, context.now(), request.claims!.customerId))
  }),

  // [seen] A concurrent Citrix DaaS customer's summary; a user/device customer has none.
  serve(endpoints.concurrentUsageSummary, 'cws', async (request, context) => {
    const state = await context.store.read()
    if (!isEntitled(state, 'cvad') || state.settings.daasLicenseModel !== 'concurrent') return notEntitled()
    return ok(concurrentSummary(state, context.now()))
  }),

  serve(endpoints.licenseHistoricalUsage, 'cws', async (request, context) => {
    const start = parseMonth(request.query.get('startDate') ?? '')
    const end = parseMonth(request.query.get('endDate') ?? '')
    if (!start || !end) return licensingBadRequest('Invalid time format.')
    if (monthNumber(start) > monthNumber(end)) return licensingBadRequest("StartDate can't be later than EndDate.")
    const state = await context.store.read()
    const segment = request.params.product!
    const refused = userDeviceRefusal(state, segment)
    if (refused) return refused
    const entries = historyBetween(state, segment, start, end, context.now())
    if (entries.length === 0) return {status: 204}
    const {productEdition} = currentUsage(state, segment, context.now(), request.claims!.customerId)
    // [doc] The reply also carries the legacy list, which ctx must ignore.
    const legacy = entries.map((entry) => ({
      timeStamp: entry.timeStamp,
      totalAvailableLicenseCount: entry.totalAvailableLicenseCount,
      totalUsageCount: null,
    }))
    return ok({
      customerId: request.claims!.customerId,
      historicalUsageType: 'Monthly',
      productEdition,
      historicalUsageList: entries,
      xenAppXenDesktopHistoricalUsageList: legacy,
    })
  }),

  serve(endpoints.licenseUsers, 'cws', consumerList('users')),
  serve(endpoints.licenseDevices, 'cws', consumerList('devices')),

  serve(endpoints.licenseRelease, 'cws', async (request, context) => {
    const segment = request.params.product!
    const refused = userDeviceRefusal(await context.store.read(), segment)
    if (refused) return refused
    const ids = (request.body as {consumerList?: unknown} | undefined)?.consumerList
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
      return citrixError(400, 'common/badRequest', 'consumerList must be a non-empty list of user or device ids.', {
        name: 'consumerList',
      })
    }
    if (ids.length > maxReleaseBatch) {
      return citrixError(400, 'common/badRequest', `At most ${maxReleaseBatch} consumers can be released per call.`, {
        name: 'consumerList',
      })
    }
    return context.store.update((state): SandboxReply => {
      const released = releasedIds(state, segment)
      const failed: Array<{id: string; reason: string}> = []
      const toRelease: string[] = []
      for (const id of ids as string[]) {
        const found = findConsumer(state, segment, id)
        if (!found) failed.push({id, reason: 'Consumer not found.'})
        else if (released.has(id) || toRelease.includes(id)) failed.push({id, reason: 'License already released.'})
        else if (found.row.licenseStatus !== 'Expired') {
          return citrixError(
            400,
            'common/badRequest',
            `Consumer ${id} holds an active license; only expired licenses can be released.`,
            {name: 'consumerList'},
          )
        } else toRelease.push(id)
      }
      state.licensing.releasedConsumerIds[segment] = [...released, ...toRelease]
      return ok({releasedCount: toRelease.length, failed})
    })
  }),

  // [seen] License Usage Insights (csp-lui-scripts): `?date=yyyy-MM`; a month without data has no SKUs.
  serve(endpoints.licenseUsageData, 'cws', async (request, context) => {
    const month = partnerMonth(request, context.now(), 'date')
    if (typeof month !== 'string') return month
    const state = await context.store.read()
    return ok(
      monthNumber(parseMonth(month)!) < monthNumber(monthOf(new Date(state.createdAt))) - 12
        ? {skus: []}
        : licenseUsageData(state, month),
    )
  }),
  serve(endpoints.licenseServers, 'cws', async (_request, context) =>
    ok({licenseServersStatus: licenseServers(await context.store.read(), context.now())}),
  ),
  serve(endpoints.partnerCustomerDirectory, 'cws', async (_request, context) =>
    ok(partnerDirectory(await context.store.read())),
  ),
  serve(endpoints.partnerCloudSummary, 'cws', async (request, context) => {
    const month = partnerMonth(request, context.now())
    return typeof month === 'string' ? ok(cloudSummary(await context.store.read(), month)) : month
  }),
  serve(endpoints.partnerOnPremCustomers, 'cws', partnerCustomers(onPremCustomer)),
  serve(endpoints.partnerCloudCustomers, 'cws', partnerCustomers(cloudCustomer)),

  // Sandbox controls (never called by ctx's Citrix clients).
  {
    method: 'PUT',
    path: '/_sandbox/licensing/entitlements',
    auth: 'none',
    handle: async (request, context) => {
      const products = (request.body as {products?: string[]} | undefined)?.products
      await context.store.update((state) => (state.licensing.entitledProducts = products))
      return ok({products: products ?? null})
    },
  },
  {
    // What a complete export of users or devices holds: the row count, and the SHA-256 of the rows
    // as NDJSON (fields in the wire order), so tests and the benchmark can check a file exactly.
    method: 'GET',
    path: '/_sandbox/licensing/{product}/{dataset}/digest',
    auth: 'none',
    handle: async (request, context) => {
      const dataset = request.params.dataset as ConsumerKind
      if (dataset !== 'users' && dataset !== 'devices')
        return citrixError(404, 'common/notFound', 'dataset is users or devices')
      const state = await context.store.read()
      return ok(consumerDigest(state, request.params.product!, dataset))
    },
  },
]

export function consumerDigest(
  state: SandboxState,
  segment: string,
  kind: ConsumerKind,
): {rows: number; sha256: string} {
  const hash = createHash('sha256')
  let rows = 0
  for (const row of allConsumers(consumerTable(state, segment, kind), releasedIds(state, segment))) {
    hash.update(`${JSON.stringify(row)}\n`)
    rows++
  }
  return {rows, sha256: hash.digest('hex')}
}
