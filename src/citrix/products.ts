// [seen] Product registrations as Citrix Cloud lists them (section 3 of citrix-api.md); `lastContactTime` is modelled.

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
