import {afterEach, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../helpers/nock.js'
import {locations} from '../helpers/products.js'

describe('locked --json shapes: ctx resource-location', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('resource-location list', async () => {
    mockToken().get('/resourcelocations').reply(200, {items: locations})
    expectJsonShape('resource-location-list', await runJson(['resource-location', 'list']))
  })
})
