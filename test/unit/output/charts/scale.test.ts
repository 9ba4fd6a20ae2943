import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {niceScale, roundStepAtLeast} from '../../../../src/output/charts/scale.js'

describe('roundStepAtLeast', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    assert.deepEqual([3, 7, 2.1, 12, 260, 1234].map(roundStepAtLeast), [5, 10, 2.5, 20, 500, 2000])
  })

  it('keeps a value that is already round', () => {
    assert.deepEqual([1, 25, 500, 2_000_000].map(roundStepAtLeast), [1, 25, 500, 2_000_000])
  })

  it('gives 1 for zero', () => {
    assert.equal(roundStepAtLeast(0), 1)
  })
})

describe('niceScale', () => {
  it('ends on the first round tick at or above the largest value', () => {
    assert.deepEqual(niceScale(1405), {max: 1500, ticks: [0, 500, 1000, 1500]})
  })

  it('keeps a round largest value as the maximum', () => {
    assert.deepEqual(niceScale(1000), {max: 1000, ticks: [0, 250, 500, 750, 1000]})
  })

  it('never uses fractional steps, counts being whole', () => {
    assert.deepEqual(niceScale(10), {max: 10, ticks: [0, 5, 10]})
    assert.deepEqual(niceScale(3), {max: 3, ticks: [0, 1, 2, 3]})
  })

  it('draws zero data on a scale of 0 to 1', () => {
    assert.deepEqual(niceScale(0), {max: 1, ticks: [0, 1]})
  })

  it('scales very large numbers in round millions', () => {
    assert.deepEqual(niceScale(15_345_678), {
      max: 20_000_000,
      ticks: [0, 5_000_000, 10_000_000, 15_000_000, 20_000_000],
    })
  })
})
