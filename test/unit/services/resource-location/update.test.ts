import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {changeResourceLocation} from '../../../../src/services/resource-location/update.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, useNock} from '../../../helpers/nock.js'
import {locations} from '../../../helpers/products.js'

describe('resource location update service', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('sends every field, changed or present, and names the changed ones', async () => {
    mockToken()
      .get('/resourcelocations')
      .reply(200, {items: locations})
      .put('/resourcelocations/loc-2', {name: 'Tokyo', internalOnly: true, timeZone: 'UTC'})
      .reply(200, {...locations[1], name: 'Tokyo', internalOnly: true})
    const update = await changeResourceLocation(await fakeCustomerClient(), {
      location: 'Tokyo Branch',
      name: 'Tokyo',
      internalOnly: true,
    })
    assert.deepEqual(update.changed, ['name', 'internalOnly'])
    assert.equal(update.resourceLocation.name, 'Tokyo')
  })

  it('exits 7 with no PUT when another location has the new name', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    await assert.rejects(changeResourceLocation(await fakeCustomerClient(), {location: 'loc-2', name: 'LONDON DC'}), {
      exitCode: 7,
    })
  })

  it('sends nothing when every value is the present one', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    const update = await changeResourceLocation(await fakeCustomerClient(), {
      location: 'loc-1',
      name: 'London DC',
      timeZone: 'UTC',
    })
    assert.deepEqual(update.changed, [])
  })

  it('exits 2 before any call when nothing is to change', async () => {
    await assert.rejects(changeResourceLocation(await fakeCustomerClient(), {location: 'loc-1'}), {
      exitCode: 2,
      message: /Nothing to change/,
    })
  })

  it('exits 6 for an unknown location', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    await assert.rejects(changeResourceLocation(await fakeCustomerClient(), {location: 'Mars', timeZone: 'UTC'}), {
      exitCode: 6,
    })
  })
})
