import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {UsageError} from '../../../../src/errors.js'
import {listProducts} from '../../../../src/services/product/list.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, useNock} from '../../../helpers/nock.js'
import {daysAgo, productWire} from '../../../helpers/products.js'

const listPath = '/root/trust/v1/registeredproducts/acme'
const items = [
  productWire({instanceID: '1', hostname: 'ls-02.corp.example', lastContactTime: daysAgo(1)}),
  productWire({instanceID: '2', hostname: 'ls-01.corp.example', lastContactTime: daysAgo(90)}),
  productWire({instanceID: '3', hostname: 'fas-01.corp.example', service: 'FederatedAuthenticationService', lastContactTime: daysAgo(45)}),
]

describe('product list service', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    mockToken().get(listPath).query(true).reply(200, {items, continuationToken: null})
  })
  afterEach(() => temp.restore())
  useNock()

  it('sorts by host name by default', async () => {
    const products = await listProducts(await fakeCustomerClient(), {})
    assert.deepEqual(products.map((p) => p.id), ['3', '2', '1'])
  })

  it('sorts by last contact, oldest first', async () => {
    const products = await listProducts(await fakeCustomerClient(), {sort: 'last-contact'})
    assert.deepEqual(products.map((p) => p.id), ['2', '3', '1'])
  })

  it('keeps only stale registrations with --stale', async () => {
    const products = await listProducts(await fakeCustomerClient(), {stale: '30d'})
    assert.deepEqual(products.map((p) => p.id).sort(), ['2', '3'])
  })

  it('filters by product', async () => {
    const byProduct = await listProducts(await fakeCustomerClient(), {product: 'fas'})
    assert.deepEqual(byProduct.map((p) => p.id), ['3'])
  })

  it('filters by a host name glob', async () => {
    const byName = await listProducts(await fakeCustomerClient(), {name: 'LS-0*'})
    assert.deepEqual(byName.map((p) => p.id), ['2', '1'])
  })

  it('refuses a bad --stale before any call is made', async () => {
    await assert.rejects(listProducts(await fakeCustomerClient(), {stale: 'lately'}), UsageError)
    assert.equal(nock.pendingMocks().length, 2, 'neither the token nor the list was asked for')
    nock.cleanAll()
  })
})
