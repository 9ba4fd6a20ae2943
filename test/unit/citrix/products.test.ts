import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import nock from 'nock'

import {CitrixClient} from '../../../src/citrix/client.js'
import {listRegisteredProducts, lookUpRegistrationCode, normaliseCode, registerProduct, removeRegisteredProduct, toRegisteredProduct} from '../../../src/citrix/products.js'
import {resolveSettings} from '../../../src/config/settings.js'
import {ConfigStore} from '../../../src/config/store.js'
import {createHttpClient} from '../../../src/http/client.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'
import {productWire} from '../../helpers/products.js'

async function makeClient(): Promise<CitrixClient> {
  Object.assign(process.env, fakeCredentialsEnv())
  return new CitrixClient(createHttpClient({maxRetries: 0}), await resolveSettings({}, ConfigStore.open()))
}

const listPath = '/root/trust/v1/registeredproducts/acme'

describe('citrix/products', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())
  useNock()

  it('normalises a code typed in lower case, with spaces or a dash', () => {
    assert.equal(normaliseCode(' ab12 cd-34 '), 'AB12CD34')
    assert.equal(normaliseCode('AB12-CD34'), 'AB12CD34')
  })

  it('maps a registration, reading its device properties by name', () => {
    const product = toRegisteredProduct(productWire({instanceID: 'id-1', hostname: 'ls-01.corp.example'}))
    assert.deepEqual(
      [product.id, product.hostname, product.product, product.version],
      ['id-1', 'ls-01.corp.example', 'Citrix License Server', '11.17.2.0'],
    )
  })

  it('follows every page of the list with limit=500 and continuationToken', async () => {
    mockToken()
      .get(listPath)
      .query({limit: '500'})
      .reply(200, {items: [productWire({instanceID: 'a'})], continuationToken: 'next-1'})
      .get(listPath)
      .query({limit: '500', continuationToken: 'next-1'})
      .reply(200, {items: [productWire({instanceID: 'b'})], continuationToken: null})
    const ids: string[] = []
    for await (const page of listRegisteredProducts(await makeClient())) ids.push(...page.map((p) => p.id))
    assert.deepEqual(ids, ['a', 'b'])
  })

  it('looks a code up by its path', async () => {
    nock(testApi)
      .get('/root/trust/v1/registrations/acme/codes/AB12CD34')
      .reply(200, {code: 'AB12CD34', status: 'Pending', service: 'LicenseServer', deviceInfo: productWire({}).deviceInfo, expiryTimestamp: '2026-11-24T10:15:00Z'})
    const pending = await lookUpRegistrationCode(await makeClient(), 'AB12CD34')
    assert.deepEqual([pending.code, pending.hostname, pending.expiresAt], ['AB12CD34', 'ls-01.corp.example', '2026-11-24T10:15:00Z'])
  })

  it('registers by posting the code, and turns 409 into exit 7 with a hint', async () => {
    nock(testApi)
      .post('/root/trust/v1/registrations/acme', {code: 'AB12CD34'})
      .reply(409, {type: 'https://errors-api.cloud.com/common/conflict', detail: 'Registration code already used'})
    await assert.rejects(registerProduct(await makeClient(), 'AB12CD34'), {exitCode: 7, hint: /used already/})
  })

  it('turns 404 on register into exit 6 saying the code is unknown or expired', async () => {
    nock(testApi).post('/root/trust/v1/registrations/acme').reply(404, {type: 'https://errors-api.cloud.com/common/notFound', detail: 'Registration code not found or expired'})
    await assert.rejects(registerProduct(await makeClient(), 'AB12CD34'), {exitCode: 6, hint: /unknown or has expired/})
  })

  it('reports a registration already gone (404) as not found rather than failing', async () => {
    nock(testApi).delete(`${listPath}/gone`).reply(404, {type: 'https://errors-api.cloud.com/common/notFound', detail: 'not found'})
    assert.equal(await removeRegisteredProduct(await makeClient(), 'gone'), 'not-found')
  })

  it('removes a registration by its instance id', async () => {
    nock(testApi).delete(`${listPath}/id-1`).reply(204)
    assert.equal(await removeRegisteredProduct(await makeClient(), 'id-1'), 'removed')
  })
})
