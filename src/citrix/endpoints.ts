// The one table of Citrix hosts and paths that ctx calls and its sandbox serves.
// Each row carries the mark of ../shared/citrix-api.md: doc (published by Citrix), seen (observed
// traffic) or model (ours). Nothing else in ctx may spell a Citrix path.

export type Mark = 'doc' | 'seen' | 'model'
/** api: {apiHost} of the region; trust: trust.citrixnetworkapi.net; appliance: https://{appliance-host}. */
export type HostKind = 'api' | 'trust' | 'appliance'
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface Endpoint {
  method: HttpMethod
  host: HostKind
  /** Path template; `{name}` is a path parameter. */
  path: string
  mark: Mark
}

const licensingEnterprise = '/licensing/license/enterprise/cloud/{product}/ud'

export const endpoints = {
  // 1. Authentication
  token: {method: 'POST', host: 'api', path: '/cctrustoauth2/{customerId}/tokens/clients', mark: 'doc'},

  // 2. Connector Appliance local API
  applianceCredentialsStatus: {method: 'GET', host: 'appliance', path: '/credentials', mark: 'doc'},
  applianceSetCredentials: {method: 'POST', host: 'appliance', path: '/credentials', mark: 'seen'},
  applianceLogin: {method: 'POST', host: 'appliance', path: '/$login', mark: 'model'},
  applianceChangePassword: {method: 'POST', host: 'appliance', path: '/$changePassword', mark: 'doc'},
  applianceStartRegistration: {method: 'POST', host: 'appliance', path: '/registration', mark: 'doc'},
  applianceRegistrationStatus: {method: 'GET', host: 'appliance', path: '/registration', mark: 'doc'},
  applianceUnattendedRegistration: {method: 'POST', host: 'appliance', path: '/unattendedRegistration', mark: 'doc'},

  // Resource locations
  listResourceLocations: {method: 'GET', host: 'api', path: '/resourcelocations', mark: 'doc'},
  getResourceLocation: {method: 'GET', host: 'api', path: '/resourcelocations/{id}', mark: 'doc'},
  createResourceLocation: {method: 'POST', host: 'api', path: '/resourcelocations', mark: 'doc'},
  updateResourceLocation: {method: 'PUT', host: 'api', path: '/resourcelocations/{id}', mark: 'doc'},
  deleteResourceLocation: {method: 'DELETE', host: 'api', path: '/resourcelocations/{id}', mark: 'doc'},

  // 2b. Cloud Connectors and Connector Appliances
  listConnectors: {method: 'GET', host: 'api', path: '/connectors', mark: 'doc'},
  deleteConnector: {method: 'DELETE', host: 'api', path: '/connectors/{id}', mark: 'doc'},

  // 3. Product registrations
  listRegisteredProducts: {method: 'GET', host: 'trust', path: '/root/trust/v1/registeredproducts/{customerId}', mark: 'seen'},
  lookUpRegistrationCode: {method: 'GET', host: 'trust', path: '/root/trust/v1/registrations/{customerId}/codes/{code}', mark: 'model'},
  registerProduct: {method: 'POST', host: 'trust', path: '/root/trust/v1/registrations/{customerId}', mark: 'model'},
  removeRegisteredProduct: {method: 'DELETE', host: 'trust', path: '/root/trust/v1/registeredproducts/{customerId}/{instanceId}', mark: 'model'},

  // 4. Licensing: enterprise ({product} is cvad [doc], daasazure [model], xenmobile [seen], secureworkspaceaccess [seen])
  licenseCurrentUsage: {method: 'GET', host: 'api', path: `${licensingEnterprise}/current`, mark: 'doc'},
  licenseHistoricalUsage: {method: 'GET', host: 'api', path: `${licensingEnterprise}/historicalusage`, mark: 'doc'},
  licenseUsers: {method: 'GET', host: 'api', path: `${licensingEnterprise}/users`, mark: 'model'},
  licenseDevices: {method: 'GET', host: 'api', path: `${licensingEnterprise}/devices`, mark: 'model'},
  licenseRelease: {method: 'POST', host: 'api', path: `${licensingEnterprise}/release`, mark: 'model'},

  // 4. Licensing: partners
  partnerOnPremSummary: {method: 'GET', host: 'api', path: '/licensing/license/partner/onprem/cvad/summary', mark: 'model'},
  partnerOnPremCustomers: {method: 'GET', host: 'api', path: '/licensing/license/partner/onprem/cvad/customers', mark: 'model'},
  partnerCloudSummary: {method: 'GET', host: 'api', path: '/licensing/license/partner/cloud/cvad/summary', mark: 'model'},
  partnerCloudCustomers: {method: 'GET', host: 'api', path: '/licensing/license/partner/cloud/cvad/customers', mark: 'model'},
} as const satisfies Record<string, Endpoint>

/** Fills the `{name}` parameters of a path template, each one URL-encoded. */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`Path parameter "${name}" is missing for ${template}`)
    return encodeURIComponent(value)
  })
}

