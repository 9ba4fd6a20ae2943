import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {addResourceLocation} from '../../../../src/services/resource-location/create.js'
import {findOrAddResourceLocation} from '../../../../src/services/resource-location/ensure.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, useNock} from '../../../helpers/nock.js'
import {locations} from '../../../helpers/products.js'

const created = {id: 'loc-9', name: 'Lab', internalOnly: false, timeZone: 'UTC', readOnly: false}

describe('resource location create service', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('creates a location whose name is free, with the flags given', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .post('/resourcelocations', {name: 'Lab', timeZone: 'UTC'})
      .reply(200, created)
    assert.deepEqual(await addResourceLocation(await fakeCustomerClient(), {name: ' Lab ', timeZone: 'UTC'}), created)
  })

  it('exits 7 naming the location when the name is taken, in any case, with no create call', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    await assert.rejects(addResourceLocation(await fakeCustomerClient(), {name: 'london dc'}), {
      exitCode: 7,
      message: /already named "London DC" \(loc-1\)/,
    })
  })

  it('exits 2 with no call for a name Citrix does not allow', async () => {
    await assert.rejects(addResourceLocation(await fakeCustomerClient(), {name: 'R&D'}), {
      exitCode: 2,
      message: /holds "&"/,
    })
    await assert.rejects(addResourceLocation(await fakeCustomerClient(), {name: '  '}), {exitCode: 2})
  })
})

describe('resource location find-or-add service (appliance register --create-location)', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('finds an existing location by name without creating one', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    assert.deepEqual(await findOrAddResourceLocation(await fakeCustomerClient(), 'tokyo branch'), {id: 'loc-2'})
  })

  it('creates a missing location, listing the locations once', async () => {
    mockToken()
      .get('/resourcelocations')
      .once()
      .reply(200, {items: locations})
      .post('/resourcelocations', {name: 'Lab'})
      .reply(200, created)
    assert.deepEqual(await findOrAddResourceLocation(await fakeCustomerClient(), 'Lab'), {id: 'loc-9', created})
  })

  it('exits 6 for an id that is not there, rather than creating a location named like an id', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    await assert.rejects(
      findOrAddResourceLocation(await fakeCustomerClient(), '11111111-1111-4111-8111-111111111111'),
      {exitCode: 6},
    )
  })
})
