import type {Region} from '../config/keys.js'

// [doc] Citrix Cloud API hosts per region. Government cloud uses another token protocol
// (a JSON body to trust.citrixworkspacesapi.us) and is not supported yet; the table can hold it.
export interface RegionHosts {
  apiHost: string
  tokenProtocol: 'form'
}

export const globalApiHost = 'api.cloud.com'

export const regionHosts: Record<Region, RegionHosts> = {
  us: {apiHost: 'api-us.cloud.com', tokenProtocol: 'form'},
  eu: {apiHost: 'api-eu.cloud.com', tokenProtocol: 'form'},
  'ap-s': {apiHost: 'api-ap-s.cloud.com', tokenProtocol: 'form'},
  jp: {apiHost: 'api.citrixcloud.jp', tokenProtocol: 'form'},
}

/** [seen] Product registrations live on their own host. */
export const trustHost = 'trust.citrixnetworkapi.net'
