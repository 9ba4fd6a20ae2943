// [seen] Product registrations as Citrix Cloud lists them (section 3 of citrix-api.md); `lastContactTime` is modelled.
// The look-up, register and remove calls are [model]: Citrix does not publish them.

import type {CitrixClient} from './client.js'
import {endpoints} from './endpoints.js'
import {removedOrGone} from './removal.js'

export type ProductService = 'ConnectorAppliance' | 'FederatedAuthenticationService' | 'LicenseServer' | 'VirtualAppsAndDesktops'

export interface DeviceProperty {
  property: string
  value: string
  displayName: string[]
}

export interface DeviceInfo {
  properties: DeviceProperty[]
}

export interface RegisteredProductWire {
  instanceID: string
  service: ProductService
  registrationTime: string
  lastContactTime: string
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

export const serviceLabels: Record<ProductService, string> = {
  ConnectorAppliance: 'Connector Appliance',
  FederatedAuthenticationService: 'Federated Authentication Service',
  LicenseServer: 'License Server',
  VirtualAppsAndDesktops: 'Virtual Apps and Desktops',
}

/** A product registration as the rest of ctx uses it. */
export interface RegisteredProduct {
  id: string
  service: ProductService
  hostname: string
  product: string
  version: string
  registeredAt: string
  lastContactAt: string
}

export interface PendingRegistration {
  code: string
  service: ProductService
  hostname: string
  product: string
  version: string
  expiresAt: string
}

/** Reads one device property; a product may leave any of them out. */
export function deviceProperty(info: DeviceInfo | undefined, name: string): string {
  return info?.properties?.find((p) => p.property === name)?.value ?? ''
}

export function toRegisteredProduct(wire: RegisteredProductWire): RegisteredProduct {
  return {
    id: wire.instanceID,
    service: wire.service,
    hostname: deviceProperty(wire.deviceInfo, 'hostname'),
    product: deviceProperty(wire.deviceInfo, 'product') || serviceLabels[wire.service] || wire.service,
    version: deviceProperty(wire.deviceInfo, 'version'),
    registeredAt: wire.registrationTime,
    lastContactAt: wire.lastContactTime,
  }
}

export function toPendingRegistration(wire: RegistrationCodeWire): PendingRegistration {
  return {
    code: wire.code,
    service: wire.service,
    hostname: deviceProperty(wire.deviceInfo, 'hostname'),
    product: deviceProperty(wire.deviceInfo, 'product') || serviceLabels[wire.service] || wire.service,
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

const codeGone = 'The code is unknown or has expired: ask the product for a new code (codes last 15 minutes) and run again.'
const codeUsed = 'The code was used already, so its product is registered: see `ctx product list`.'

/** Page size when listing; `limit=-1` [seen] gives everything at once, but paging keeps answers small [model]. */
export const productPageSize = 500

export async function* listRegisteredProducts(client: CitrixClient): AsyncGenerator<RegisteredProduct[]> {
  for await (const page of client.pages<RegisteredProductWire>(endpoints.listRegisteredProducts, {limit: productPageSize})) {
    yield page.map(toRegisteredProduct)
  }
}

export async function lookUpRegistrationCode(client: CitrixClient, code: string): Promise<PendingRegistration> {
  const {body} = await client.call<RegistrationCodeWire>(endpoints.lookUpRegistrationCode, {params: {code}, hints: {404: codeGone, 409: codeUsed}})
  return toPendingRegistration(body!)
}

/** `hints` replaces the default advice for 404 and 409 (an appliance's code calls for other next steps). */
export async function registerProduct(client: CitrixClient, code: string, hints = {404: codeGone, 409: codeUsed}): Promise<RegisteredProduct> {
  const {body} = await client.call<RegisteredProductWire>(endpoints.registerProduct, {json: {code}, hints})
  return toRegisteredProduct(body!)
}

/** 'not-found' when Citrix no longer knows the registration: removing it again is not a failure. */
export async function removeRegisteredProduct(client: CitrixClient, instanceId: string): Promise<'removed' | 'not-found'> {
  return removedOrGone(() => client.call(endpoints.removeRegisteredProduct, {params: {instanceId}}))
}
