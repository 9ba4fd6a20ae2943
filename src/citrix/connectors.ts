// [doc] Cloud Connectors and Connector Appliances (section 2b of citrix-api.md, openapi/ccconnectors.yaml).

import type {CitrixClient} from './client.js'
import {endpoints} from './endpoints.js'
import {removedOrGone} from './removal.js'

/** [model] `Windows` is a Cloud Connector, `Unified` a Connector Appliance. */
export type ConnectorType = 'Windows' | 'Unified'

export interface ConnectorWire {
  id: string
  fqdn: string
  role: string
  windowsSid: string
  location: string
  currentVersion: string
  currentBootstrapperVersion: string
  expectedVersion: string
  expectedBootStrapperVersion: string
  versionState: string
  inMaintenance: boolean
  leaseEndDateTime: string
  upgradeDisabled: boolean
  connectorType: ConnectorType | string
  status: 'Connected' | 'Disconnected' | string
  lastContactDate: string
}

/** The short names users type (`--type`). */
export const connectorKinds = {windows: 'Windows', appliance: 'Unified'} as const satisfies Record<string, ConnectorType>
export type ConnectorKind = keyof typeof connectorKinds

export interface Connector {
  id: string
  fqdn: string
  type: string
  /** The resource location id. */
  location: string
  status: string
  version: string
  lastContactAt: string
  inMaintenance: boolean
}

export function connectorTypeLabel(type: string): string {
  if (type === 'Windows') return 'Cloud Connector'
  if (type === 'Unified') return 'Connector Appliance'
  return type
}

export function toConnector(wire: ConnectorWire): Connector {
  return {
    id: wire.id,
    fqdn: wire.fqdn,
    type: wire.connectorType,
    location: wire.location,
    status: wire.status,
    version: wire.currentVersion,
    lastContactAt: wire.lastContactDate,
    inMaintenance: wire.inMaintenance,
  }
}

/** [doc] GET /connectors answers a bare array, filtered by `Location` and `ConnectorType`. */
export async function listConnectors(client: CitrixClient, filter: {location?: string; type?: ConnectorType} = {}): Promise<Connector[]> {
  const {body} = await client.call<ConnectorWire[]>(endpoints.listConnectors, {query: {Location: filter.location, ConnectorType: filter.type}})
  return (body ?? []).map(toConnector)
}

/** [doc] DELETE /connectors/{id} → 200 `true`; 404 means it is gone already. */
export async function deleteConnector(client: CitrixClient, id: string): Promise<'removed' | 'not-found'> {
  return removedOrGone(() => client.call(endpoints.deleteConnector, {params: {id}}))
}
