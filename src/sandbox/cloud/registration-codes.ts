import {randomInt, randomUUID} from 'node:crypto'

import type {ConnectorWire} from '../../citrix/connectors.js'
import type {ProductService, RegisteredProductWire, RegistrationCodeWire} from '../../citrix/products.js'
import {deviceInfoOf} from '../state/catalog.js'
import type {PendingCode, SandboxState} from '../state/types.js'

// The cloud side of short-code registration [model]: an on-premises product (or a sandbox appliance)
// asks for a code, an administrator looks it up and registers it once, before it expires.

const codeAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

function newCode(state: SandboxState): string {
  for (;;) {
    const code = Array.from({length: 8}, () => codeAlphabet[randomInt(codeAlphabet.length)]).join('')
    if (!state.pendingCodes.some((c) => c.code === code)) return code
  }
}

export interface CodeRequest {
  service: ProductService
  hostname: string
  product?: string
  version?: string
  applianceId?: string
}

/** A product asks Citrix Cloud for a code: it lives `settings.codeTtlSeconds` and can be registered once. */
export function issueCode(state: SandboxState, request: CodeRequest, now: Date): PendingCode {
  const pending: PendingCode = {
    code: newCode(state),
    status: 'Pending',
    service: request.service,
    deviceInfo: deviceInfoOf(request.service, request.hostname, request.product, request.version),
    expiryTimestamp: new Date(now.getTime() + state.settings.codeTtlSeconds * 1000).toISOString(),
    createdAt: now.toISOString(),
    ...(request.applianceId ? {applianceId: request.applianceId} : {}),
  }
  state.pendingCodes.push(pending)
  return pending
}

export type CodeProblem = 'unknown' | 'expired' | 'used'

/** A used code says so even after it has expired: that is the more useful answer. */
export function findPendingCode(state: SandboxState, code: string, now: Date): PendingCode | CodeProblem {
  const pending = state.pendingCodes.find((c) => c.code === code)
  if (!pending) return 'unknown'
  if (pending.instanceID) return 'used'
  if (now.getTime() >= Date.parse(pending.expiryTimestamp)) return 'expired'
  return pending
}

/** The code as the look-up call shows it: the sandbox's own bookkeeping stays out. */
export function codeWire(pending: PendingCode): RegistrationCodeWire {
  const {code, status, service, deviceInfo, expiryTimestamp} = pending
  return {code, status, service, deviceInfo, expiryTimestamp}
}

/**
 * Registers a code: a new registered product, the code marked used, and for an appliance's code the
 * appliance registered and shown among the connectors of its resource location.
 */
export function acceptCode(
  state: SandboxState,
  code: string,
  now: Date,
): {product: RegisteredProductWire} | {error: CodeProblem} {
  const pending = findPendingCode(state, code, now)
  if (typeof pending === 'string') return {error: pending}
  const product: RegisteredProductWire = {
    instanceID: randomUUID(),
    service: pending.service,
    registrationTime: now.toISOString(),
    lastContactTime: now.toISOString(),
    deviceInfo: pending.deviceInfo,
  }
  state.registeredProducts.push(product)
  pending.instanceID = product.instanceID
  const appliance = pending.applianceId ? state.appliances.find((a) => a.id === pending.applianceId) : undefined
  if (appliance) {
    appliance.instanceID = product.instanceID
    state.connectors.push(applianceConnector(product, appliance.resourceLocationId ?? '', now))
  }
  return {product}
}

function applianceConnector(product: RegisteredProductWire, location: string, now: Date): ConnectorWire {
  const version = product.deviceInfo.properties.find((p) => p.property === 'version')?.value ?? ''
  return {
    id: randomUUID(),
    fqdn: product.deviceInfo.properties.find((p) => p.property === 'hostname')?.value ?? '',
    role: 'ConnectorAppliance',
    windowsSid: '',
    location,
    currentVersion: version,
    currentBootstrapperVersion: version,
    expectedVersion: version,
    expectedBootStrapperVersion: version,
    versionState: 'Current',
    inMaintenance: false,
    leaseEndDateTime: new Date(now.getTime() + 90 * 86_400_000).toISOString(),
    upgradeDisabled: false,
    connectorType: 'Unified',
    status: 'Connected',
    lastContactDate: now.toISOString(),
  }
}
