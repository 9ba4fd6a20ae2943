import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {shouldDrawChart} from '../../../../src/output/charts/bar-chart.js'

describe('shouldDrawChart', () => {
  it('draws on a terminal', () => {
    assert.equal(shouldDrawChart({json: false, isTTY: true}), true)
  })

  it('never draws under --json, even on a terminal', () => {
    assert.equal(shouldDrawChart({json: true, isTTY: true}), false)
  })

  it('never draws into a pipe or a file', () => {
    assert.equal(shouldDrawChart({json: false, isTTY: false}), false)
  })

  it('never draws under --json into a pipe', () => {
    assert.equal(shouldDrawChart({json: true, isTTY: false}), false)
  })
})
