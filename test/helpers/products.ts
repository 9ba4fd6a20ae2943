import type {ConnectorWire} from '../../src/citrix/connectors.js'
import type {ProductService, RegisteredProductWire} from '../../src/citrix/products.js'
import {deviceInfoOf} from '../../src/sandbox/state/catalog.js'

/** A registration as Citrix lists it; a License Server contacted just now unless told otherwise. */
export function productWire(fields: {
  instanceID?: string
  service?: ProductService
  hostname?: string
  lastContactTime?: string
}): RegisteredProductWire {
  const service = fields.service ?? 'LicenseServer'
  return {
    instanceID: fields.instanceID ?? '00000000-0000-4000-8000-000000000001',
    service,
    registrationTime: '2026-01-01T00:00:00Z',
    lastContactTime: fields.lastContactTime ?? new Date().toISOString(),
    deviceInfo: deviceInfoOf(service, fields.hostname ?? 'ls-01.corp.example'),
  }
}

export const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()

/** A connector as GET /connectors answers it. */
export function connectorWire(fields: Partial<ConnectorWire> & {id: string}): ConnectorWire {
  return {
    fqdn: 'cc-01.corp.example',
    role: 'CloudConnector',
    windowsSid: 'S-1-5-21-1',
    location: 'loc-1',
    currentVersion: '7.46.1.0',
    currentBootstrapperVersion: '7.46.1.0',
    expectedVersion: '7.46.1.0',
    expectedBootStrapperVersion: '7.46.1.0',
    versionState: 'Current',
    inMaintenance: false,
    leaseEndDateTime: '2027-01-01T00:00:00Z',
    upgradeDisabled: false,
    connectorType: 'Windows',
    status: 'Connected',
    lastContactDate: new Date().toISOString(),
    ...fields,
  }
}

export const locations = [
  {id: 'loc-1', name: 'London DC', internalOnly: false, timeZone: 'UTC', readOnly: false},
  {id: 'loc-2', name: 'Tokyo Branch', internalOnly: false, timeZone: 'UTC', readOnly: false},
]

/** Citrix's 503 envelope with a retryDelay of 0, so that a test's retries do not wait. */
export const serviceUnavailableBody = {
  type: 'https://errors-api.cloud.com/common/serviceUnavailable',
  detail: 'Service unavailable',
  parameters: [{name: 'retryDelay', value: '0'}],
}

/** Two connectors of resource location loc-1 that a 24-hour --stale selects: Disconnected 90 days, Unknown 3 days. */
export const staleLondonConnectors = [
  connectorWire({
    id: 'c1',
    fqdn: 'cc-01.london',
    location: 'loc-1',
    status: 'Disconnected',
    lastContactDate: daysAgo(90),
  }),
  connectorWire({id: 'c2', fqdn: 'cc-02.london', location: 'loc-1', status: 'Unknown', lastContactDate: daysAgo(3)}),
]
