// The sandbox's own API client. These are not secrets: they open nothing but the local simulator.
export const sandboxCredentials = {
  customerId: 'sandboxcustomer',
  clientId: '5f1d3b7e-0c2a-4e8b-9a61-3c7d2e9b4a10',
  clientSecret: 'sandbox-secret-not-for-production==',
} as const

export const sandboxProfile = 'sandbox'
export const defaultSandboxPort = 4780
