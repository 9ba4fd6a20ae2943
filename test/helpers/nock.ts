import assert from 'node:assert/strict'
import {afterEach, beforeEach} from 'mocha'

import nock from 'nock'

/** The nock discipline: no real network, every declared call made, nothing left over between tests. */
export function useNock(): void {
  beforeEach(() => {
    nock.disableNetConnect()
    nock.enableNetConnect('127.0.0.1')
  })
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.cleanAll()
    nock.enableNetConnect()
    assert.deepEqual(pending, [], 'every declared HTTP call should have been made')
  })
}

export const testApi = 'https://api.test.example'

/** Environment for a fake customer whose calls go to `testApi` (mocked with nock). */
export function fakeCredentialsEnv(): Record<string, string> {
  return {
    CTX_API_URL: testApi,
    CTX_CUSTOMER_ID: 'acme',
    CTX_CLIENT_ID: 'client-1',
    CTX_CLIENT_SECRET: 'top-secret-value',
  }
}

/** Mocks the token call for the fake customer. */
export function mockToken(scope = nock(testApi), expiresIn: string | number = '3600'): nock.Scope {
  return scope
    .post('/cctrustoauth2/acme/tokens/clients')
    .reply(200, {token_type: 'bearer', access_token: 'token-abc', expires_in: expiresIn})
}

/** Mocks the cws token call (section 1 of citrix-api.md) for the fake customer, under the one --api-url origin. */
export function mockCwsToken(scope = nock(testApi)): nock.Scope {
  return scope.post('/acme/tokens/clients').reply(200, {Token: 'cws-abc', ExpiresAt: 3600})
}

/** [seen] A License Usage Insights month: 10 Premium users (2 free) on one license server. */
export const luiReply = {
  skus: [
    {
      skuId: 'CVAD-CSP',
      features: [
        {
          featureID: 'XDT_PLT_UD',
          featureDescription: 'Premium',
          count: 10,
          freeUsersCount: 2,
          licenseServerUsages: [{fqdn: 'lic-01.example', count: 10, freeUsersCount: 2, isLicenseServerFree: false}],
        },
      ],
    },
  ],
}
