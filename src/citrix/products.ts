// [seen] Product registrations as Citrix Cloud lists them (section 3 of citrix-api.md); `lastContactTime` is modelled.
// The look-up, register and remove calls are [model]: Citrix does not publish them.

import type {CitrixClient} from './client.js'
import {PagingGuard} from './paging-guard.js'
import {endpoints, type Endpoint} from './endpoints.js'
import {removedOrGone} from './removal.js'
import {asRecord, callName, listItems, optionalString, optionalTime, requiredString} from './wire.js'

export type ProductService =
  'ConnectorAppliance' | 'FederatedAuthenticationService' | 'LicenseServer' | 'VirtualAppsAndDesktops'

export interface DeviceProperty {
  property: string
  value: string
  displayName: string[]
}

export interface DeviceInfo {
  properties: DeviceProperty[]
}

/** [seen] As the list gives it (ctx also reads `instanceId`); `lastContactTime` is [model] and may be absent. */
export interface RegisteredProductWire {
  instanceID: string
  service: ProductService
  registrationTime: string
  lastContactTime?: string
  deviceInfo: DeviceInfo
}

/** [model] GET …/registrations/{customerId}/codes/{code}. */
export interface RegistrationCodeWire {
  code: string
  status: 'Pending'
  service: ProductService
  deviceInfo: DeviceInfo
  expiryTimestamp: string
}

/** The short names users type (`--product`), one per service. */
export const productKinds = {
  'connector-appliance': 'ConnectorAppliance',
  fas: 'FederatedAuthenticationService',
  'license-server': 'LicenseServer',
  cvad: 'VirtualAppsAndDesktops',
} as const satisfies Record<string, ProductService>

export type ProductKind = keyof typeof productKinds

export const serviceLabels: Record<ProductService, string> & Record<string, string | undefined> = {
  ConnectorAppliance: 'Connector Appliance',
  FederatedAuthenticationService: 'Federated Authentication Service',
  LicenseServer: 'License Server',
  VirtualAppsAndDesktops: 'Virtual Apps and Desktops',
}

/** A product registration as the rest of ctx uses it. */
export interface RegisteredProduct {
  id: string
  /** One of ProductService, or an unknown value shown as it is. */
  service: string
  hostname: string
  product: string
  version: string
  /** Null when Citrix sends none (or one that does not parse). */
  registeredAt: string | null
  /** Null when Citrix sends none: then `--stale` cannot select it (the other selectors can). */
  lastContactAt: string | null
}

export interface PendingRegistration {
  code: string
  service: ProductService
  hostname: string
  product: string
  version: string
  expiresAt: string
}

/** Reads one device property; a product may leave any of them out, or send a list that is not one. */
export function deviceProperty(info: unknown, name: string): string {
  const properties = asRecord(info)?.properties
  if (!Array.isArray(properties)) return ''
  return (
    optionalString(
      properties.find((p) => optionalString(p, 'property') === name),
      'value',
    ) ?? ''
  )
}

/** The product's label: its own `product` property, else the service's label, else the service as sent. */
export function serviceLabel(service: string): string {
  return serviceLabels[service] ?? service
}

/**
 * Reads one registration tolerantly: only the instance id is needed (to remove it). An unknown
 * `service` is kept as it is; a missing time is null. `endpoint`: the call it came from, for the error.
 */
export function toRegisteredProduct(
  wire: unknown,
  endpoint: Endpoint = endpoints.listRegisteredProducts,
): RegisteredProduct {
  const service = optionalString(wire, 'service') ?? ''
  const info = asRecord(wire)?.deviceInfo
  return {
    id: requiredString(endpoint, wire, 'instanceID', 'instanceId'),
    service,
    hostname: deviceProperty(info, 'hostname'),
    product: deviceProperty(info, 'product') || serviceLabel(service),
    version: deviceProperty(info, 'version'),
    registeredAt: optionalTime(wire, 'registrationTime') ?? null,
    lastContactAt: optionalTime(wire, 'lastContactTime') ?? null,
  }
}

export function toPendingRegistration(wire: RegistrationCodeWire): PendingRegistration {
  return {
    code: wire.code,
    service: wire.service,
    hostname: deviceProperty(wire.deviceInfo, 'hostname'),
    product: deviceProperty(wire.deviceInfo, 'product') || serviceLabel(wire.service),
    version: deviceProperty(wire.deviceInfo, 'version'),
    expiresAt: wire.expiryTimestamp,
  }
}

/** [doc] A code is 8 characters of A-Z0-9. */
export const codePattern = /^[A-Z0-9]{8}$/

/** Upper case, without spaces or dashes, as users copy codes from a console or a screen ("ab12 cd-34"). */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase()
}

const codeGone =
  'The code is unknown or has expired: ask the product for a new code (codes last 15 minutes) and run again.'
const codeUsed = 'The code was used already, so its product is registered: see `ctx product list`.'

/** [seen] The envelopes the list may come in; a bare array is read too. */
export const registeredProductEnvelopes = ['items', 'Items', 'products', 'registeredProducts'] as const

/**
 * [seen] `?limit=-1` exactly, as observed: everything at once, no other paging parameter. Should a
 * `continuationToken` come back anyway [model], it is followed; one that repeats ends the list with exit 8.
 */
export async function* listRegisteredProducts(client: CitrixClient): AsyncGenerator<RegisteredProduct[]> {
  const endpoint = endpoints.listRegisteredProducts
  const guard = new PagingGuard(callName(endpoint))
  let continuationToken: string | undefined
  do {
    const {body} = await client.call<unknown>(endpoint, {query: {limit: -1, continuationToken}})
    const items = listItems(endpoint, body, registeredProductEnvelopes)
    continuationToken = guard.next(body, items.length, ['continuationToken', 'ContinuationToken'])
    yield items.map((item) => toRegisteredProduct(item, endpoint))
  } while (continuationToken !== undefined)
}

export async function lookUpRegistrationCode(client: CitrixClient, code: string): Promise<PendingRegistration> {
  const {body} = await client.call<RegistrationCodeWire>(endpoints.lookUpRegistrationCode, {
    params: {code},
    hints: {404: codeGone, 409: codeUsed},
  })
  return toPendingRegistration(body!)
}

/** `hints` replaces the default advice for 404 and 409 (an appliance's code calls for other next steps). */
export async function registerProduct(
  client: CitrixClient,
  code: string,
  hints = {404: codeGone, 409: codeUsed},
): Promise<RegisteredProduct> {
  const {body} = await client.call<unknown>(endpoints.registerProduct, {json: {code}, hints})
  return toRegisteredProduct(body, endpoints.registerProduct)
}

/** 'not-found' when Citrix no longer knows the registration: removing it again is not a failure. */
export async function removeRegisteredProduct(
  client: CitrixClient,
  instanceId: string,
): Promise<'removed' | 'not-found'> {
  return removedOrGone(() => client.call(endpoints.removeRegisteredProduct, {params: {instanceId}}))
}
