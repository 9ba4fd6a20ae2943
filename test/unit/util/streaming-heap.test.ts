import assert from 'node:assert/strict'
import {getHeapSpaceStatistics} from 'node:v8'
import {runInNewContext} from 'node:vm'

import {after, describe, it} from 'mocha'

import {keepStreamingHeapSmall, restoreDefaultV8Flags} from '../../../src/util/streaming-heap.js'

const youngGenerationBytes = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size
const oldGenerationBytes = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!.space_used_size

describe('keepStreamingHeapSmall', () => {
  // The flags are the whole process's: the tests after these run with V8's defaults again.
  after(() => restoreDefaultV8Flags())

  it('stops the young generation from growing however much survives', () => {
    keepStreamingHeapSmall()
    const before = youngGenerationBytes()
    // Enough long-lived objects to make V8 grow the space several times over by default.
    const kept: unknown[] = []
    for (let i = 0; i < 400_000; i++) kept.push({i, text: `row ${i}`})
    assert.equal(kept.length, 400_000)
    assert.ok(youngGenerationBytes() <= before, `grew from ${before} to ${youngGenerationBytes()} bytes`)
  })

  it('collects the whole heap with the page after every 20,000 rows written, not before', async () => {
    const heap = keepStreamingHeapSmall()
    // Rows that outlive young collections (promoted to the old generation), then dropped: garbage there.
    let rows: unknown[] | undefined = []
    for (let i = 0; i < 300_000; i++) rows.push({i, text: `row ${i}`})
    assert.equal(rows.length, 300_000)
    rows = undefined
    const withGarbage = oldGenerationBytes()
    heap.rowsWritten(19_999)
    heap.rowsWritten(20_000)
    // Time for a collection, had one started.
    await new Promise((resolve) => setTimeout(resolve, 200))
    assert.ok(oldGenerationBytes() >= withGarbage * 0.9, 'no collection before the page after 20,000 rows')
    heap.rowsWritten(21_000)
    // The collection runs in steps on the event loop: give it up to two seconds.
    const deadline = Date.now() + 2000
    while (oldGenerationBytes() >= withGarbage - 10 * 2 ** 20 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10))
    const collected = oldGenerationBytes()
    assert.ok(collected < withGarbage - 10 * 2 ** 20, `old generation ${withGarbage} → ${collected} bytes`)
  })

  it('restores the defaults that a code cache is made under', () => {
    keepStreamingHeapSmall()
    assert.equal(runInNewContext('typeof gc'), 'function')
    restoreDefaultV8Flags()
    // --expose-gc is off again: a context made now has no gc. (The growth factor: test/unit/cli/code-cache.test.ts.)
    assert.equal(runInNewContext('typeof gc'), 'undefined')
  })
})
