// The settings a profile can hold. `ctx config set` accepts only these; later commands add theirs here.
export interface SettingKey {
  description: string
  secret?: boolean
  allowed?: readonly string[]
}

export const regions = ['us', 'eu', 'ap-s', 'jp', 'gov'] as const
export type Region = (typeof regions)[number]

export const settingKeys = {
  'customer-id': {description: 'Citrix Cloud customer id'},
  'client-id': {description: 'API client id'},
  'client-secret': {description: 'API client secret (kept in the OS keychain when one answers)', secret: true},
  region: {
    description: 'Citrix Cloud region (gov: Citrix Cloud Government); unset means the global api.cloud.com',
    allowed: regions,
  },
  'api-url': {description: 'send every Citrix Cloud call to this origin instead (sandbox, tests, a mock)'},
  'ca-bundle': {description: 'PEM file of extra trusted CAs (a corporate proxy that re-signs TLS)'},
  'rate-limit': {
    description: 'Citrix Cloud requests a second for this customer, pinned; unset: learned from the answers',
  },
  'license-view': {
    description: 'default view of `ctx license summary`',
    allowed: ['enterprise', 'partner-onprem', 'partner-daas'],
  },
} as const satisfies Record<string, SettingKey>

export type SettingName = keyof typeof settingKeys

export function isSettingName(name: string): name is SettingName {
  return Object.hasOwn(settingKeys, name)
}
