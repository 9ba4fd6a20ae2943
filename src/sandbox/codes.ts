import {randomInt, randomUUID} from 'node:crypto'

import type {ConnectorWire} from '../citrix/connectors.js'
import type {DeviceProperty, ProductService, RegisteredProductWire} from '../citrix/products.js'
import type {PendingCode, SandboxState} from './state.js'

// Registration codes, the one state that on-premises products, appliances and the cloud share.
// (Minimal version for the appliance work; the products work owns this file.)

const codeAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

function property(name: string, value: string, displayName: string): DeviceProperty {
  return {property: name, value, displayName: [displayName]}
}

export function issueCode(
  state: SandboxState,
  request: {service: ProductService; hostname: string; product?: string; version?: string; applianceId?: string},
  now: Date,
): PendingCode {
  let code: string
  do code = Array.from({length: 8}, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('')
  while (state.pendingCodes.some((c) => c.code === code))
  const properties = [property('hostname', request.hostname, 'Host name')]
  if (request.product) properties.push(property('product', request.product, 'Product'))
  if (request.version) properties.push(property('version', request.version, 'Version'))
  const pending: PendingCode = {
    code,
    status: 'Pending',
    service: request.service,
    deviceInfo: {properties},
    expiryTimestamp: new Date(now.getTime() + state.settings.codeTtlSeconds * 1000).toISOString(),
    createdAt: now.toISOString(),
    ...(request.applianceId ? {applianceId: request.applianceId} : {}),
  }
  state.pendingCodes.push(pending)
  return pending
}

export function findPendingCode(state: SandboxState, code: string, now: Date): PendingCode | 'unknown' | 'expired' | 'used' {
  const pending = state.pendingCodes.find((c) => c.code === code)
  if (!pending) return 'unknown'
  if (pending.instanceID) return 'used'
  if (Date.parse(pending.expiryTimestamp) <= now.getTime()) return 'expired'
  return pending
}

export function acceptCode(state: SandboxState, code: string, now: Date): {product: RegisteredProductWire} | {error: 'unknown' | 'expired' | 'used'} {
  const pending = findPendingCode(state, code, now)
  if (typeof pending === 'string') return {error: pending}
  const product: RegisteredProductWire = {
    instanceID: randomUUID(),
    service: pending.service,
    registrationTime: now.toISOString(),
    lastContactTime: now.toISOString(),
    deviceInfo: pending.deviceInfo,
  }
  pending.instanceID = product.instanceID
  state.registeredProducts.push(product)
  const appliance = pending.applianceId ? state.appliances.find((a) => a.id === pending.applianceId) : undefined
  if (appliance) {
    appliance.instanceID = product.instanceID
    state.connectors.push(applianceConnector(pending, appliance.resourceLocationId ?? '', now))
  }
  return {product}
}

function applianceConnector(pending: PendingCode, location: string, now: Date): ConnectorWire {
  const version = pending.deviceInfo.properties.find((p) => p.property === 'version')?.value ?? ''
  return {
    id: randomUUID(),
    fqdn: pending.deviceInfo.properties.find((p) => p.property === 'hostname')?.value ?? '',
    role: 'Unified',
    windowsSid: '',
    location,
    currentVersion: version,
    currentBootstrapperVersion: version,
    expectedVersion: version,
    expectedBootStrapperVersion: version,
    versionState: 'UpToDate',
    inMaintenance: false,
    leaseEndDateTime: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    upgradeDisabled: false,
    connectorType: 'Unified',
    status: 'Connected',
    lastContactDate: now.toISOString(),
  }
}
