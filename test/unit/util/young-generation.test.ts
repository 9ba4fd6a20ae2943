import assert from 'node:assert/strict'
import {getHeapSpaceStatistics} from 'node:v8'
import {describe, it} from 'mocha'

import {keepYoungGenerationSmall} from '../../../src/util/young-generation.js'

const youngGenerationBytes = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size

describe('keepYoungGenerationSmall', () => {
  it('stops the young generation from growing however much survives', () => {
    keepYoungGenerationSmall()
    const before = youngGenerationBytes()
    // Enough long-lived objects to make V8 grow the space several times over by default.
    const kept: unknown[] = []
    for (let i = 0; i < 400_000; i++) kept.push({i, text: `row ${i}`})
    assert.equal(kept.length, 400_000)
    assert.ok(youngGenerationBytes() <= before, `grew from ${before} to ${youngGenerationBytes()} bytes`)
  })
})
