// The one table of Citrix hosts and paths that ctx calls and its sandbox serves.
// Each row carries the mark of ../shared/citrix-api.md: doc (published by Citrix), seen (observed
// traffic) or model (ours). Nothing else in ctx may spell a Citrix path.

export type Mark = 'doc' | 'seen' | 'model'
/**
 * Which host a row is on; `hostFor` of regions.ts names it per region. api: {apiHost} of the region;
 * trust: trust.citrixnetworkapi.net; cws-trust: the cws token host; cloudlicense, licensing, partner:
 * the *.citrixworkspacesapi.net hosts of section 4; registry: Gov's registry.citrixworkspacesapi.us;
 * appliance: https://{appliance-host}.
 */
export type HostKind =
  'api' | 'trust' | 'cws-trust' | 'cloudlicense' | 'licensing' | 'partner' | 'registry' | 'appliance'
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'
/** The token a call carries (section 1): the OAuth client_credentials one, or the cws one; appliance: its own. */
export type TokenProtocol = 'oauth' | 'cws'

/** Where a row is in the Gov region when it is somewhere else there (Gov calls all use the cws token). */
export interface GovVariant {
  host: HostKind
  path: string
  mark: Mark
}

export interface Endpoint {
  method: HttpMethod
  host: HostKind
  /** Path template; `{name}` is a path parameter. */
  path: string
  mark: Mark
  protocol: TokenProtocol | 'appliance'
  /**
   * The Gov region: absent means the same host kind and path there (when the host kind is known in
   * Gov); null means Citrix publishes no host for it in Gov, and a command that needs it exits 2.
   */
  gov?: GovVariant | null
}

const licensingEnterprise = '/licensing/license/enterprise/cloud/{product}/ud'

export const endpoints = {
  // 1. Authentication: the OAuth protocol [doc], and the cws one [doc for Gov, seen for the commercial cloud]
  token: {
    method: 'POST',
    host: 'api',
    path: '/cctrustoauth2/{customerId}/tokens/clients',
    mark: 'doc',
    protocol: 'oauth',
    gov: null,
  },
  cwsToken: {method: 'POST', host: 'cws-trust', path: '/{customerId}/tokens/clients', mark: 'doc', protocol: 'cws'},

  // 2. Connector Appliance local API
  applianceCredentialsStatus: {
    method: 'GET',
    host: 'appliance',
    path: '/credentials',
    mark: 'doc',
    protocol: 'appliance',
  },
  applianceSetCredentials: {
    method: 'POST',
    host: 'appliance',
    path: '/credentials',
    mark: 'seen',
    protocol: 'appliance',
  },
  applianceLogin: {method: 'POST', host: 'appliance', path: '/$login', mark: 'model', protocol: 'appliance'},
  applianceChangePassword: {
    method: 'POST',
    host: 'appliance',
    path: '/$changePassword',
    mark: 'doc',
    protocol: 'appliance',
  },
  applianceStartRegistration: {
    method: 'POST',
    host: 'appliance',
    path: '/registration',
    mark: 'doc',
    protocol: 'appliance',
  },
  applianceRegistrationStatus: {
    method: 'GET',
    host: 'appliance',
    path: '/registration',
    mark: 'doc',
    protocol: 'appliance',
  },
  applianceUnattendedRegistration: {
    method: 'POST',
    host: 'appliance',
    path: '/unattendedRegistration',
    mark: 'doc',
    protocol: 'appliance',
  },

  // Resource locations (Gov: Terraform's registry.citrixworkspacesapi.us/{customerId} base [doc])
  listResourceLocations: {
    method: 'GET',
    host: 'api',
    path: '/resourcelocations',
    mark: 'doc',
    protocol: 'oauth',
    gov: {host: 'registry', path: '/{customerId}/resourcelocations', mark: 'doc'},
  },
  getResourceLocation: {
    method: 'GET',
    host: 'api',
    path: '/resourcelocations/{id}',
    mark: 'doc',
    protocol: 'oauth',
    gov: {host: 'registry', path: '/{customerId}/resourcelocations/{id}', mark: 'doc'},
  },
  createResourceLocation: {
    method: 'POST',
    host: 'api',
    path: '/resourcelocations',
    mark: 'doc',
    protocol: 'oauth',
    gov: {host: 'registry', path: '/{customerId}/resourcelocations', mark: 'doc'},
  },
  updateResourceLocation: {
    method: 'PUT',
    host: 'api',
    path: '/resourcelocations/{id}',
    mark: 'doc',
    protocol: 'oauth',
    gov: {host: 'registry', path: '/{customerId}/resourcelocations/{id}', mark: 'doc'},
  },
  deleteResourceLocation: {
    method: 'DELETE',
    host: 'api',
    path: '/resourcelocations/{id}',
    mark: 'doc',
    protocol: 'oauth',
    gov: {host: 'registry', path: '/{customerId}/resourcelocations/{id}', mark: 'doc'},
  },

  // 2b. Cloud Connectors and Connector Appliances (Gov: on the registry base [model])
  listConnectors: {
    method: 'GET',
    host: 'api',
    path: '/connectors',
    mark: 'doc',
    protocol: 'oauth',
    gov: {host: 'registry', path: '/{customerId}/connectors', mark: 'model'},
  },
  deleteConnector: {
    method: 'DELETE',
    host: 'api',
    path: '/connectors/{id}',
    mark: 'doc',
    protocol: 'oauth',
    gov: {host: 'registry', path: '/{customerId}/connectors/{id}', mark: 'model'},
  },

  // 3. Product registrations (not known in Gov: the trust host has no Gov counterpart)
  listRegisteredProducts: {
    method: 'GET',
    host: 'trust',
    path: '/root/trust/v1/registeredproducts/{customerId}',
    mark: 'seen',
    protocol: 'oauth',
  },
  lookUpRegistrationCode: {
    method: 'GET',
    host: 'trust',
    path: '/root/trust/v1/registrations/{customerId}/codes/{code}',
    mark: 'model',
    protocol: 'oauth',
  },
  registerProduct: {
    method: 'POST',
    host: 'trust',
    path: '/root/trust/v1/registrations/{customerId}',
    mark: 'model',
    protocol: 'oauth',
  },
  removeRegisteredProduct: {
    method: 'DELETE',
    host: 'trust',
    path: '/root/trust/v1/registeredproducts/{customerId}/{instanceId}',
    mark: 'model',
    protocol: 'oauth',
  },

  // 4. Licensing: enterprise ({product} is cvad [doc], daasazure [model], xenmobile and secureworkspaceaccess [model]
  // for users, devices and release); not known in Gov
  licenseCurrentUsage: {
    method: 'GET',
    host: 'api',
    path: `${licensingEnterprise}/current`,
    mark: 'doc',
    protocol: 'oauth',
    gov: null,
  },
  licenseHistoricalUsage: {
    method: 'GET',
    host: 'api',
    path: `${licensingEnterprise}/historicalusage`,
    mark: 'doc',
    protocol: 'oauth',
    gov: null,
  },
  licenseUsers: {
    method: 'GET',
    host: 'api',
    path: `${licensingEnterprise}/users`,
    mark: 'model',
    protocol: 'oauth',
    gov: null,
  },
  licenseDevices: {
    method: 'GET',
    host: 'api',
    path: `${licensingEnterprise}/devices`,
    mark: 'model',
    protocol: 'oauth',
    gov: null,
  },
  licenseRelease: {
    method: 'POST',
    host: 'api',
    path: `${licensingEnterprise}/release`,
    mark: 'model',
    protocol: 'oauth',
    gov: null,
  },
  // [seen: euc-reports-collectors, with the OAuth token] Endpoint Management and Secure Private Access; concurrent DaaS
  cloudLicenseCurrentUsage: {
    method: 'GET',
    host: 'cloudlicense',
    path: '/{customerId}/cloudlicenseusages/products/{product}/current',
    mark: 'seen',
    protocol: 'oauth',
  },
  concurrentUsageSummary: {
    method: 'GET',
    host: 'cloudlicense',
    path: '/{customerId}/license/enterprise/cloud/cvad/ccu/summary',
    mark: 'seen',
    protocol: 'oauth',
  },

  // 4. Licensing: partners. On-premises [seen: csp-lui-scripts, cws token]; per-customer figures [model]
  licenseUsageData: {
    method: 'GET',
    host: 'licensing',
    path: '/{customerId}/licenseusagedata',
    mark: 'seen',
    protocol: 'cws',
  },
  licenseServers: {
    method: 'GET',
    host: 'licensing',
    path: '/{customerId}/licenseservers',
    mark: 'seen',
    protocol: 'cws',
  },
  partnerOnPremCustomers: {
    method: 'GET',
    host: 'api',
    path: '/licensing/license/partner/onprem/cvad/customers',
    mark: 'model',
    protocol: 'oauth',
    gov: null,
  },
  // Citrix DaaS [model]; the partner's customers and their names [seen: CitrixCloudPartnerModule, cws token]
  partnerCloudSummary: {
    method: 'GET',
    host: 'api',
    path: '/licensing/license/partner/cloud/cvad/summary',
    mark: 'model',
    protocol: 'oauth',
    gov: null,
  },
  partnerCloudCustomers: {
    method: 'GET',
    host: 'api',
    path: '/licensing/license/partner/cloud/cvad/customers',
    mark: 'model',
    protocol: 'oauth',
    gov: null,
  },
  partnerCustomerDirectory: {
    method: 'GET',
    host: 'partner',
    path: '/{partnerId}/customers',
    mark: 'seen',
    protocol: 'cws',
  },
} as const satisfies Record<string, Endpoint>

/** Fills the `{name}` parameters of a path template, each one URL-encoded. */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`Path parameter "${name}" is missing for ${template}`)
    return encodeURIComponent(value)
  })
}
