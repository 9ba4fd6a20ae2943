// [doc] Cloud Connectors and Connector Appliances (section 2b of citrix-api.md, openapi/ccconnectors.yaml).

import type {CitrixClient} from './client.js'
import {endpoints} from './endpoints.js'
import {removedOrGone} from './removal.js'
import {listItems, optionalBoolean, optionalString, optionalTime, requiredString} from './wire.js'

/** [model] `Windows` is a Cloud Connector, `Unified` a Connector Appliance. */
export type ConnectorType = 'Windows' | 'Unified'

/** [doc] As Citrix's sample gives it: `role` and `leaseEndDateTime` may be null, and `status` is often `Unknown`. */
export interface ConnectorWire {
  id: string
  fqdn: string
  role: string | null
  windowsSid: string
  location: string
  currentVersion: string
  currentBootstrapperVersion: string
  expectedVersion: string
  expectedBootStrapperVersion: string
  versionState: string
  inMaintenance: boolean
  leaseEndDateTime: string | null
  upgradeDisabled: boolean
  connectorType: ConnectorType | string
  /** [doc] `Unknown` in Citrix's own sample; `Connected` and `Disconnected` may appear [model]. */
  status: 'Unknown' | 'Connected' | 'Disconnected' | string
  lastContactDate: string | null
}

/** The short names users type (`--type`). */
export const connectorKinds = {windows: 'Windows', appliance: 'Unified'} as const satisfies Record<
  string,
  ConnectorType
>
export type ConnectorKind = keyof typeof connectorKinds

export interface Connector {
  id: string
  fqdn: string
  /** `Windows`, `Unified`, or whatever else Citrix sends, as it is. */
  type: string
  /** The resource location id. */
  location: string
  /** As Citrix sends it (`Unknown` when it sends none). */
  status: string
  version: string
  /** Shown, never used to select. */
  versionState: string
  /** Null when Citrix sends none (or one that does not parse): such a connector is never stale. */
  lastContactAt: string | null
  inMaintenance: boolean
}

export function connectorTypeLabel(type: string): string {
  if (type === 'Windows') return 'Cloud Connector'
  if (type === 'Unified') return 'Connector Appliance'
  return type
}

/** Reads one connector tolerantly: only `id` is needed (to remove it); the rest has a shown default. */
export function toConnector(wire: unknown): Connector {
  return {
    id: requiredString(endpoints.listConnectors, wire, 'id'),
    fqdn: optionalString(wire, 'fqdn') ?? '',
    type: optionalString(wire, 'connectorType') ?? 'Unknown',
    location: optionalString(wire, 'location') ?? '',
    status: optionalString(wire, 'status') ?? 'Unknown',
    version: optionalString(wire, 'currentVersion') ?? '',
    versionState: optionalString(wire, 'versionState') ?? '',
    lastContactAt: optionalTime(wire, 'lastContactDate') ?? null,
    inMaintenance: optionalBoolean(wire, 'inMaintenance') ?? false,
  }
}

/** [doc] GET /connectors answers a bare array (an `items` envelope is read too), filtered by `Location` and `ConnectorType`. */
export async function listConnectors(
  client: CitrixClient,
  filter: {location?: string; type?: ConnectorType} = {},
): Promise<Connector[]> {
  const {body} = await client.call<unknown>(endpoints.listConnectors, {
    query: {Location: filter.location, ConnectorType: filter.type},
  })
  return listItems(endpoints.listConnectors, body, ['items', 'Items']).map(toConnector)
}

/** [doc] DELETE /connectors/{id} → 200 `true`; 404 means it is gone already. */
export async function deleteConnector(client: CitrixClient, id: string): Promise<'removed' | 'not-found'> {
  return removedOrGone(() => client.call(endpoints.deleteConnector, {params: {id}}))
}
