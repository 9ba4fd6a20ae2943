import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import nock from 'nock'

import {CitrixClient} from '../../../src/citrix/client.js'
import {
  listRegisteredProducts,
  lookUpRegistrationCode,
  normaliseCode,
  registerProduct,
  removeRegisteredProduct,
  toRegisteredProduct,
} from '../../../src/citrix/products.js'
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

  const listAll = async () => {
    const found = []
    for await (const page of listRegisteredProducts(await makeClient())) found.push(...page)
    return found
  }

  it('lists with limit=-1 exactly, and no other paging parameter', async () => {
    mockToken()
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, {items: [productWire({instanceID: 'a'})]})
    assert.deepEqual(
      (await listAll()).map((p) => p.id),
      ['a'],
    )
  })

  for (const [name, body] of [
    ['items', {items: [productWire({instanceID: 'a'})]}],
    ['Items', {Items: [productWire({instanceID: 'a'})]}],
    ['products', {products: [productWire({instanceID: 'a'})]}],
    ['registeredProducts', {registeredProducts: [productWire({instanceID: 'a'})]}],
    ['a bare array', [productWire({instanceID: 'a'})]],
  ] as const) {
    it(`reads the list under ${name}`, async () => {
      nock(testApi).get(listPath).query({limit: '-1'}).reply(200, body)
      assert.deepEqual(
        (await listAll()).map((p) => p.id),
        ['a'],
      )
    })
  }

  it('follows a continuationToken should one come back anyway', async () => {
    nock(testApi)
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, {items: [productWire({instanceID: 'a'})], continuationToken: 'next-1'})
      .get(listPath)
      .query({limit: '-1', continuationToken: 'next-1'})
      .reply(200, {items: [productWire({instanceID: 'b'})], continuationToken: null})
    assert.deepEqual(
      (await listAll()).map((p) => p.id),
      ['a', 'b'],
    )
  })

  it('stops with exit 8 on a continuationToken that repeats', async () => {
    nock(testApi)
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, {items: [], continuationToken: 'same'})
      .get(listPath)
      .query({limit: '-1', continuationToken: 'same'})
      .reply(200, {items: [], continuationToken: 'same'})
    await assert.rejects(listAll(), {exitCode: 8, message: /handed back a continuationToken it had handed out before/})
  })

  it('stops with exit 8 naming the call when the list comes under no envelope it knows', async () => {
    nock(testApi).get(listPath).query(true).reply(200, {values: []})
    await assert.rejects(listAll(), {
      exitCode: 8,
      message: /GET \/root\/trust\/v1\/registeredproducts\/\{customerId\} has no "items"/,
    })
  })

  it('reads instanceId as well as instanceID, ignores unknown fields and keeps an unknown service as it is', async () => {
    const {instanceID: _id, ...rest} = productWire({})
    nock(testApi)
      .get(listPath)
      .query(true)
      .reply(200, {items: [{...rest, instanceId: 'lower', service: 'SessionRecording', newField: {x: 1}}]})
    const [product] = await listAll()
    assert.deepEqual(
      [product!.id, product!.service, product!.product],
      ['lower', 'SessionRecording', 'Citrix License Server'],
    )
  })

  it('reads a missing lastContactTime, nulls and a missing deviceInfo without failing', async () => {
    nock(testApi)
      .get(listPath)
      .query(true)
      .reply(200, {
        items: [
          {instanceID: 'a', service: 'LicenseServer', registrationTime: null, lastContactTime: null, deviceInfo: null},
          {instanceID: 'b', service: null},
        ],
      })
    const products = await listAll()
    assert.deepEqual(products[0], {
      id: 'a',
      service: 'LicenseServer',
      hostname: '',
      product: 'License Server',
      version: '',
      registeredAt: null,
      lastContactAt: null,
    })
    assert.equal(products[1]!.lastContactAt, null)
  })

  it('stops with exit 8 naming the call and the field when a registration has no instance id', async () => {
    nock(testApi)
      .get(listPath)
      .query(true)
      .reply(200, {items: [{service: 'LicenseServer'}]})
    await assert.rejects(listAll(), {exitCode: 8, message: /registeredproducts.*"instanceID"/})
  })

  it('looks a code up by its path', async () => {
    nock(testApi)
      .get('/root/trust/v1/registrations/acme/codes/AB12CD34')
      .reply(200, {
        code: 'AB12CD34',
        status: 'Pending',
        service: 'LicenseServer',
        deviceInfo: productWire({}).deviceInfo,
        expiryTimestamp: '2026-11-24T10:15:00Z',
      })
    const pending = await lookUpRegistrationCode(await makeClient(), 'AB12CD34')
    assert.deepEqual(
      [pending.code, pending.hostname, pending.expiresAt],
      ['AB12CD34', 'ls-01.corp.example', '2026-11-24T10:15:00Z'],
    )
  })

  it('registers by posting the code, and turns 409 into exit 7 with a hint', async () => {
    nock(testApi)
      .post('/root/trust/v1/registrations/acme', {code: 'AB12CD34'})
      .reply(409, {type: 'https://errors-api.cloud.com/common/conflict', detail: 'Registration code already used'})
    await assert.rejects(registerProduct(await makeClient(), 'AB12CD34'), {exitCode: 7, hint: /used already/})
  })

  it('turns 404 on register into exit 6 saying the code is unknown or expired', async () => {
    nock(testApi).post('/root/trust/v1/registrations/acme').reply(404, {
      type: 'https://errors-api.cloud.com/common/notFound',
      detail: 'Registration code not found or expired',
    })
    await assert.rejects(registerProduct(await makeClient(), 'AB12CD34'), {exitCode: 6, hint: /unknown or has expired/})
  })

  it('reports a registration already gone (404) as not found rather than failing', async () => {
    nock(testApi)
      .delete(`${listPath}/gone`)
      .reply(404, {type: 'https://errors-api.cloud.com/common/notFound', detail: 'not found'})
    assert.equal(await removeRegisteredProduct(await makeClient(), 'gone'), 'not-found')
  })

  it('removes a registration by its instance id', async () => {
    nock(testApi).delete(`${listPath}/id-1`).reply(204)
    assert.equal(await removeRegisteredProduct(await makeClient(), 'id-1'), 'removed')
  })
})
