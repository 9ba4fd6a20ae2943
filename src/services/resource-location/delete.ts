import type {CitrixClient} from '../../citrix/client.js'
import {connectorTypeLabel, deleteConnector, listConnectors} from '../../citrix/connectors.js'
import {deleteResourceLocation, listResourceLocations, type ResourceLocation} from '../../citrix/resource-locations.js'
import {CitrixApiError, ConflictError} from '../../errors.js'
import {formatWhen} from '../../output/time.js'
import {bulkRemove, stopError, type BulkRunOptions, type RemovalItem, type RemovalReport} from '../bulk-remove.js'
import {matchesFilters} from '../selection.js'
import {resolveResourceLocation} from './resolve.js'

// Tearing down a resource location: Citrix refuses the DELETE (400) while any connector, even one
// long dead, is still in it (terraform-provider-citrix #123, #132). ctx lists them first and, with
// --with-connectors, removes them through the one bulk-removal mechanism, then deletes the location.

/** Below this silence a connector may still be alive: it is removed only when named by id. */
export const defaultRecentWindow = '24h'

export interface LocationConnector {
  id: string
  fqdn: string
  /** Cloud Connector or Connector Appliance. */
  type: string
  status: string
  lastContactAt: string | null
  /** Contacted Citrix Cloud within the window (or reports Connected, or its last contact is unknown). */
  recent: boolean
}

export interface DeletionPlan {
  resourceLocation: ResourceLocation
  /** What goes first, in this order; recent ones only when named. */
  connectors: LocationConnector[]
}

/** What became of the location: `not-deleted` when declined, or when a connector could not be removed. */
export type LocationResult = 'deleted' | 'would-delete' | 'not-deleted' | 'not-found'

export interface ResourceLocationDeletion {
  resourceLocation: ResourceLocation
  /** Every connector the location had. */
  connectors: LocationConnector[]
  dryRun: boolean
  confirmed: boolean
  /** The bulk removal of the connectors (with --with-connectors, when there were any). */
  connectorRemoval?: RemovalReport
  result: LocationResult
}

export interface TearDownResourceLocationOptions extends Omit<BulkRunOptions, 'ids' | 'confirm' | 'now'> {
  client: CitrixClient
  /** The location's id or name. */
  location: string
  /** Remove the location's connectors first; without it, any connector is exit 7. */
  withConnectors?: boolean
  /** Connectors to remove although they are recent. */
  connectorIds?: string[]
  /** The window within which a contact makes a connector recent (`24h`, `7d`). */
  recentWindow?: string
  /** Asked once, with the location and every connector that goes, before anything changes (not on a dry run). */
  confirm: (plan: DeletionPlan) => Promise<boolean>
  /** Called with the connectors' report before the location is deleted; it may throw to stop there (a failure, a stop). */
  onConnectorsRemoved?: (report: RemovalReport) => Promise<void>
  now?: Date
}

const described = (c: LocationConnector, now: Date) =>
  `${c.fqdn} (${c.id}, ${c.status || 'status unknown'}, last contact ${c.lastContactAt ? formatWhen(c.lastContactAt, now) : 'unknown'})`

export async function tearDownResourceLocation(
  options: TearDownResourceLocationOptions,
): Promise<ResourceLocationDeletion> {
  const {client, now = new Date()} = options
  const recentWindow = options.recentWindow ?? defaultRecentWindow
  const locations = await listResourceLocations(client)
  const id = await resolveResourceLocation(options.location, async () => locations, {checkIds: true})
  const resourceLocation = locations.find((l) => l.id === id)!
  const stale = matchesFilters({stale: recentWindow}, now)
  const connectors: LocationConnector[] = (await listConnectors(client, {location: id}))
    .filter((c) => c.location === id)
    .map((c) => ({
      id: c.id,
      fqdn: c.fqdn,
      type: connectorTypeLabel(c.type),
      status: c.status,
      lastContactAt: c.lastContactAt,
      recent: !stale({name: c.fqdn, lastContactAt: c.lastContactAt, canBeStale: c.status !== 'Connected'}),
    }))
  const next = `ctx resource-location delete ${id} --with-connectors`

  if (connectors.length > 0 && !options.withConnectors) {
    const recent = connectors.filter((c) => c.recent)
    throw new ConflictError(
      `The resource location "${resourceLocation.name}" still has ${connectors.length} connector(s), and Citrix Cloud refuses to delete it until they are gone: ${connectors.map((c) => described(c, now)).join('; ')}.`,
      {
        hint: `Next: \`${next} --dry-run\` shows both steps, then run it without --dry-run.${recent.length ? ` ${recent.length} of them contacted Citrix Cloud within ${recentWindow}: ctx removes those only when named, with --connector <id>.` : ''}`,
      },
    )
  }
  const named = new Set(options.connectorIds ?? [])
  const unnamedRecent = connectors.filter((c) => c.recent && !named.has(c.id))
  if (unnamedRecent.length > 0) {
    throw new ConflictError(
      `${unnamedRecent.length} connector(s) of "${resourceLocation.name}" contacted Citrix Cloud within ${recentWindow} (or report Connected), so they may still be in use: ${unnamedRecent.map((c) => described(c, now)).join('; ')}. Nothing was changed.`,
      {
        hint: `If they are really gone, name each one: ${next} ${unnamedRecent.map((c) => `--connector ${c.id}`).join(' ')} (or give a shorter --stale).`,
      },
    )
  }

  const plan: DeletionPlan = {resourceLocation, connectors}
  const base = {resourceLocation, connectors, dryRun: Boolean(options.dryRun)}
  let connectorRemoval: RemovalReport | undefined
  if (connectors.length > 0) {
    const items = connectors.map((c): RemovalItem & {status: string; lastContactAt: string | null} => ({
      id: c.id,
      name: c.fqdn,
      product: c.type,
      status: c.status,
      lastContactAt: c.lastContactAt,
    }))
    connectorRemoval = await bulkRemove({
      kind: 'connector',
      selected: items,
      // Named but not there (removed by an earlier run, say): reported as not found, like any id.
      missing: [...named].filter((namedId) => !connectors.some((c) => c.id === namedId)),
      remove: (item) => deleteConnector(client, item.id),
      dryRun: options.dryRun,
      confirm: () => options.confirm(plan),
      concurrency: options.concurrency,
      signal: options.signal,
      audit: options.audit,
      onProgress: options.onProgress,
    })
    await options.onConnectorsRemoved?.(connectorRemoval)
    if (connectorRemoval.dryRun) return {...base, confirmed: false, connectorRemoval, result: 'would-delete'}
    if (!connectorRemoval.confirmed) return {...base, confirmed: false, connectorRemoval, result: 'not-deleted'}
    if (connectorRemoval.failed > 0 || stopError(connectorRemoval))
      return {...base, confirmed: true, connectorRemoval, result: 'not-deleted'}
  } else {
    if (options.dryRun) return {...base, confirmed: false, result: 'would-delete'}
    options.signal?.throwIfAborted()
    if (!(await options.confirm(plan))) return {...base, confirmed: false, result: 'not-deleted'}
  }
  options.signal?.throwIfAborted()
  const result = await deleteLocation(client, resourceLocation)
  return {
    ...base,
    confirmed: true,
    ...(connectorRemoval ? {connectorRemoval} : {}),
    result: result === 'removed' ? 'deleted' : 'not-found',
  }
}

/** A 400 now means something ctx did not see still sits in the location (Connector Appliances may be missing from /connectors). */
async function deleteLocation(client: CitrixClient, location: ResourceLocation): Promise<'removed' | 'not-found'> {
  try {
    return await deleteResourceLocation(client, location.id)
  } catch (error) {
    if (error instanceof CitrixApiError && error.status === 400) {
      throw new ConflictError(
        `Citrix Cloud refused to delete the resource location "${location.name}": ${error.message}`,
        {
          hint: 'Something still sits in it that /connectors does not list, such as a Connector Appliance: see `ctx product list --product connector-appliance`, remove it, and run this again.',
          cause: error,
        },
      )
    }
    throw error
  }
}
