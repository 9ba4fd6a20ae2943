import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import nock from 'nock'

import {CitrixClient} from '../../../src/citrix/client.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import {getEnterpriseUsage} from '../../../src/citrix/licensing.js'
import {listResourceLocations} from '../../../src/citrix/resource-locations.js'
import {resolveEndpoint} from '../../../src/citrix/regions.js'
import {deploymentForRegion} from '../../../src/citrix/appliance.js'
import type {Settings} from '../../../src/config/settings.js'
import {TokenCache} from '../../../src/config/token-cache.js'
import {ExitCode, UsageError} from '../../../src/errors.js'
import {createHttpClient} from '../../../src/http/client.js'
import {useTempConfig} from '../../helpers/env.js'
import {mockToken, testApi, useNock} from '../../helpers/nock.js'

const credentials = {customerId: 'acme', clientId: 'client-1', clientSecret: 'top-secret-value'}
const govClient = (lines: string[] = []) =>
  new CitrixClient(
    createHttpClient({maxRetries: 0, debugLog: (line) => lines.push(line)}),
    {profile: 'gov', region: 'gov', maxRetries: 0, ...credentials} satisfies Settings,
    new TokenCache(),
  )

describe('regions and token protocols', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())
  useNock()

  it('places Gov resource locations on the registry host under the customer id, with the cws token', () => {
    assert.deepEqual(resolveEndpoint(endpoints.listResourceLocations, 'gov'), {
      known: true,
      host: 'registry.citrixworkspacesapi.us',
      path: '/{customerId}/resourcelocations',
      mark: 'doc',
      protocol: 'cws',
    })
    assert.deepEqual(resolveEndpoint(endpoints.cwsToken, 'gov'), {
      known: true,
      host: 'trust.citrixworkspacesapi.us',
      path: '/{customerId}/tokens/clients',
      mark: 'doc',
      protocol: 'cws',
    })
  })

  it('knows no Gov host for product registrations and licensing', () => {
    for (const endpoint of [
      endpoints.listRegisteredProducts,
      endpoints.licenseCurrentUsage,
      endpoints.licenseUsageData,
      endpoints.cloudLicenseCurrentUsage,
      endpoints.partnerCustomerDirectory,
    ]) {
      assert.deepEqual(resolveEndpoint(endpoint, 'gov'), {known: false})
    }
  })

  it('places commercial rows on their own hosts with the protocol the row names', () => {
    assert.equal((resolveEndpoint(endpoints.licenseCurrentUsage, 'jp') as {host: string}).host, 'api.citrixcloud.jp')
    assert.deepEqual(resolveEndpoint(endpoints.licenseServers, undefined), {
      known: true,
      host: 'licensing.citrixworkspacesapi.net',
      path: '/{customerId}/licenseservers',
      mark: 'seen',
      protocol: 'cws',
    })
    assert.equal((resolveEndpoint(endpoints.cloudLicenseCurrentUsage, 'eu') as {protocol: string}).protocol, 'oauth')
  })

  it('logs in to Gov through the cws protocol and lists resource locations from the registry host', async () => {
    nock('https://trust.citrixworkspacesapi.us')
      .post('/acme/tokens/clients', {ClientId: 'client-1', ClientSecret: 'top-secret-value'})
      .matchHeader('content-type', 'application/json')
      .reply(200, {Token: 'gov-token', Principal: 'client-1', UserId: 'u', CustomerId: 'acme', ExpiresAt: 3600})
    nock('https://registry.citrixworkspacesapi.us')
      .get('/acme/resourcelocations')
      .matchHeader('authorization', 'CwsAuth Bearer=gov-token')
      .reply(200, {items: [{id: 'rl-1', name: 'Gov HQ', internalOnly: false, timeZone: 'UTC', readOnly: false}]})
    const lines: string[] = []
    const locations = await listResourceLocations(govClient(lines))
    assert.deepEqual(
      locations.map((l) => l.name),
      ['Gov HQ'],
    )
    assert.doesNotMatch(lines.join('\n'), /top-secret-value|gov-token/)
  })

  it('reads the cws token reply in lower case too', async () => {
    nock('https://trust.citrixworkspacesapi.us')
      .post('/acme/tokens/clients')
      .reply(200, {token: 'lower-token', expiresAt: 600})
    const token = await govClient().accessToken(true)
    assert.deepEqual([token.accessToken, token.protocol, token.cached], ['lower-token', 'cws', false])
  })

  it('exits 4 when the cws token call refuses the client', async () => {
    nock('https://trust.citrixworkspacesapi.us')
      .post('/acme/tokens/clients')
      .reply(401, {type: 'https://errors-api.cloud.com/common/authentication', detail: 'Invalid client'})
    await assert.rejects(govClient().accessToken(true), (error: {exitCode: number}) => error.exitCode === ExitCode.auth)
  })

  it('exits 2 saying licensing is not known in Gov, before any request', async () => {
    await assert.rejects(
      getEnterpriseUsage(govClient(), 'daas'),
      (error: Error) =>
        error instanceof UsageError && /not known in the Citrix Cloud Government region/.test(error.message),
    )
  })

  it('keeps one cached token per protocol and profile under one --api-url origin', async () => {
    mockToken()
    nock(testApi).post('/acme/tokens/clients').once().reply(200, {Token: 'cws-token', ExpiresAt: 3600})
    nock(testApi)
      .get('/acme/licenseservers')
      .matchHeader('authorization', 'CwsAuth Bearer=cws-token')
      .twice()
      .reply(200, {licenseServersStatus: []})
    nock(testApi)
      .get('/resourcelocations')
      .matchHeader('authorization', 'CwsAuth Bearer=token-abc')
      .twice()
      .reply(200, {items: []})
    const settings: Settings = {profile: 'p', apiUrl: testApi, maxRetries: 0, ...credentials}
    for (let run = 0; run < 2; run++) {
      const client = new CitrixClient(createHttpClient({maxRetries: 0}), settings, new TokenCache())
      await client.call(endpoints.licenseServers)
      await client.call(endpoints.listResourceLocations)
    }
  })

  it('sends productionjp to appliances of the jp region only', () => {
    assert.deepEqual(
      [deploymentForRegion('jp'), deploymentForRegion('us'), deploymentForRegion(undefined)],
      ['productionjp', 'production', 'production'],
    )
  })
})
