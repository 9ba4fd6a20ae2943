import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import type {CitrixClient} from '../../../src/citrix/client.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import type {RegisteredProductWire} from '../../../src/citrix/products.js'
import {CitrixApiError} from '../../../src/errors.js'
import {issueCode} from '../../../src/sandbox/cloud/registration-codes.js'
import type {SandboxSettings} from '../../../src/sandbox/state/settings.js'
import {useTempConfig} from '../../helpers/env.js'
import {sandboxClient} from '../../helpers/citrix.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

async function failure(promise: Promise<unknown>): Promise<CitrixApiError> {
  try {
    await promise
  } catch (error) {
    assert.ok(error instanceof CitrixApiError, String(error))
    return error
  }
  assert.fail('expected the call to fail')
}

describe('sandbox routes: product registrations', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let client: CitrixClient
  beforeEach(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({
      settings: {sizes: {products: 7, users: 0, devices: 0, customers: 0, appliances: 0}},
    })
    client = await sandboxClient(sandbox)
  })
  afterEach(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('lists every registration with limit=-1, without a continuation token', async () => {
    const {body} = await client.call<{items: RegisteredProductWire[]; continuationToken?: unknown}>(
      endpoints.listRegisteredProducts,
      {query: {limit: -1}},
    )
    assert.equal(body?.items.length, 7)
    assert.equal(body?.continuationToken, undefined)
  })

  it('pages with limit=N and an opaque continuation token, null on the last page', async () => {
    const pages: number[] = []
    for await (const page of client.pages<RegisteredProductWire>(endpoints.listRegisteredProducts, {limit: 3}))
      pages.push(page.length)
    assert.deepEqual(pages, [3, 3, 1])
  })

  it('answers 400 to a limit outside 1–500', async () => {
    const error = await failure(client.call(endpoints.listRegisteredProducts, {query: {limit: 501}}))
    assert.equal(error.status, 400)
  })

  it('looks a pending code up without the sandbox bookkeeping', async () => {
    const pending = await sandbox.store.update((state) =>
      issueCode(state, {service: 'LicenseServer', hostname: 'ls-77'}, new Date()),
    )
    const {body} = await client.call<Record<string, unknown>>(endpoints.lookUpRegistrationCode, {
      params: {code: pending.code},
    })
    assert.deepEqual(Object.keys(body ?? {}).sort(), ['code', 'deviceInfo', 'expiryTimestamp', 'service', 'status'])
    assert.equal(body?.status, 'Pending')
  })

  it('answers 404 "not found or expired" to an unknown code', async () => {
    const error = await failure(client.call(endpoints.lookUpRegistrationCode, {params: {code: 'ZZZZZZZZ'}}))
    assert.equal(error.status, 404)
    assert.equal(error.detail, 'Registration code not found or expired')
  })

  it('registers a code with 201 and the new product, then 409 for the same code', async () => {
    const pending = await sandbox.store.update((state) =>
      issueCode(state, {service: 'LicenseServer', hostname: 'ls-77'}, new Date()),
    )
    const first = await client.call<RegisteredProductWire>(endpoints.registerProduct, {json: {code: pending.code}})
    assert.equal(first.status, 201)
    assert.equal(first.body?.service, 'LicenseServer')
    const again = await failure(client.call(endpoints.registerProduct, {json: {code: pending.code}}))
    assert.equal(again.status, 409)
    assert.equal(again.errorType, 'https://errors-api.cloud.com/common/conflict')
  })

  it('removes a registration with 204, then 404 for the same id', async () => {
    const [product] = (await sandbox.store.read()).registeredProducts
    const removed = await client.call(endpoints.removeRegisteredProduct, {params: {instanceId: product!.instanceID}})
    assert.equal(removed.status, 204)
    assert.equal((await sandbox.store.read()).registeredProducts.length, 6)
    const again = await failure(
      client.call(endpoints.removeRegisteredProduct, {params: {instanceId: product!.instanceID}}),
    )
    assert.equal(again.status, 404)
  })

  it('unregisters the appliance whose registration is removed', async () => {
    await sandbox.store.update((state) => {
      state.appliances.push({id: 'a1', name: 'ca-01', instanceID: state.registeredProducts[0]!.instanceID})
    })
    const {registeredProducts} = await sandbox.store.read()
    await client.call(endpoints.removeRegisteredProduct, {params: {instanceId: registeredProducts[0]!.instanceID}})
    assert.equal((await sandbox.store.read()).appliances[0]?.instanceID, undefined)
  })
})

describe('sandbox routes: the variants of the registrations list', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox | undefined
  const start = async (settings: Partial<SandboxSettings>) => {
    sandbox = await startTestSandbox({
      settings: {sizes: {products: 5, users: 0, devices: 0, customers: 0, appliances: 0}, ...settings},
    })
    return sandboxClient(sandbox)
  }
  beforeEach(() => (temp = useTempConfig()))
  afterEach(async () => {
    await sandbox?.stop()
    temp.restore()
  })

  it('serves the list under Items when productsEnvelope is Items', async () => {
    const client = await start({productsEnvelope: 'Items'})
    const {body} = await client.call<Record<string, unknown[]>>(endpoints.listRegisteredProducts, {query: {limit: -1}})
    assert.deepEqual(Object.keys(body ?? {}), ['Items'])
    assert.equal(body?.Items?.length, 5)
  })

  it('serves the list as a bare array when productsEnvelope is bare', async () => {
    const client = await start({productsEnvelope: 'bare'})
    const {body} = await client.call<unknown>(endpoints.listRegisteredProducts, {query: {limit: -1}})
    assert.ok(Array.isArray(body) && body.length === 5)
  })

  it('serves registrations without lastContactTime when productsLastContact is false, the registered one too', async () => {
    const client = await start({productsLastContact: false})
    const {body} = await client.call<{items: Array<Record<string, unknown>>}>(endpoints.listRegisteredProducts, {
      query: {limit: -1},
    })
    assert.ok(body?.items.every((p) => !('lastContactTime' in p) && typeof p.registrationTime === 'string'))
    const pending = await sandbox!.store.update((state) =>
      issueCode(state, {service: 'LicenseServer', hostname: 'ls-77'}, new Date()),
    )
    const registered = await client.call<Record<string, unknown>>(endpoints.registerProduct, {
      json: {code: pending.code},
    })
    assert.equal('lastContactTime' in (registered.body ?? {}), false)
  })
})
