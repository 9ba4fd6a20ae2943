import {describe, it} from 'mocha'

import {expectJsonShape, runJson} from '../helpers/json-shape.js'

describe('locked --json shapes: ctx version', () => {
  it('version', async () => {
    expectJsonShape('version', await runJson(['version']))
  })
})
