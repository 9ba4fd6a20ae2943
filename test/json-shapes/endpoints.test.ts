import {afterEach, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'

describe('locked --json shapes: ctx endpoints', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('endpoints: the global table, then Gov under --api-url', async () => {
    const global = await runJson(['endpoints'])
    process.env.CTX_REGION = 'gov'
    const gov = await runJson(['endpoints', '--api-url', 'http://127.0.0.1:4780'])
    expectJsonShape('endpoints', global, gov)
  })
})
