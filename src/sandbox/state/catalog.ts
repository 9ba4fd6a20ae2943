import type {DeviceInfo, ProductService} from '../../citrix/products.js'

// The on-premises products the sandbox knows, by the names and versions they report when they register.

const productNames: Record<ProductService, {product: string; version: string}> = {
  ConnectorAppliance: {product: 'Citrix Connector Appliance for Cloud Services', version: '2026.9.0'},
  FederatedAuthenticationService: {product: 'Citrix Federated Authentication Service', version: '2411.1.0'},
  LicenseServer: {product: 'Citrix License Server', version: '11.17.2.0'},
  VirtualAppsAndDesktops: {product: 'Citrix Virtual Apps and Desktops', version: '2411.0.0'},
}

/** What a product reports about itself: its host name, and its product name and version (the catalog's unless given). */
export function deviceInfoOf(
  service: ProductService,
  hostname: string,
  product?: string,
  version?: string,
): DeviceInfo {
  const defaults = productNames[service]
  return {
    properties: [
      {property: 'hostname', value: hostname, displayName: ['Host name']},
      {property: 'product', value: product ?? defaults.product, displayName: ['Product']},
      {property: 'version', value: version ?? defaults.version, displayName: ['Version']},
    ],
  }
}
