import assert from 'node:assert/strict'
import {getHeapSpaceStatistics} from 'node:v8'
import {fileURLToPath} from 'node:url'
import {runInNewContext} from 'node:vm'

import {after, describe, it} from 'mocha'

import {keepStreamingHeapSmall, restoreDefaultV8Flags} from '../../../src/util/streaming-heap.js'
import {runProcess} from '../../helpers/run-bin.js'

// The built module, for the child process (as test/unit/cli/code-cache.test.ts runs dist/cli/code-cache.js).
const streamingHeap = fileURLToPath(new URL('../../../dist/util/streaming-heap.js', import.meta.url))

const youngGenerationBytes = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')!.space_size

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

  it('starts a full collection with the page after every 20,000 rows written, not before', async () => {
    // In a process of its own, counted by Node's gc entries: in this one, which has run hundreds of tests,
    // V8 also collects on its own schedule, and the heap's size is no fair witness either.
    const script = `
      const {constants, PerformanceObserver} = await import('node:perf_hooks')
      const {keepStreamingHeapSmall} = await import(${JSON.stringify(streamingHeap)})
      let major = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++
      }).observe({entryTypes: ['gc']})
      const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
      const heap = keepStreamingHeapSmall()
      heap.rowsWritten(19_999)
      heap.rowsWritten(20_000)
      await sleep(300) // time for a collection to show, had one started
      const beforeNextPage = major
      heap.rowsWritten(21_000)
      for (const deadline = Date.now() + 2000; major === 0 && Date.now() < deadline; ) await sleep(10)
      process.stdout.write(JSON.stringify({beforeNextPage, afterNextPage: major}))
    `
    const run = await runProcess(process.execPath, ['--input-type=module', '-e', script])
    assert.equal(run.code, 0, run.stderr)
    const {beforeNextPage, afterNextPage} = JSON.parse(run.stdout) as {beforeNextPage: number; afterNextPage: number}
    assert.equal(beforeNextPage, 0, 'no full collection before the page after 20,000 rows')
    assert.ok(afterNextPage >= 1, 'a full collection with the page after 20,000 rows')
  })

  it('restores the defaults that a code cache is made under', () => {
    keepStreamingHeapSmall()
    assert.equal(runInNewContext('typeof gc'), 'function')
    restoreDefaultV8Flags()
    // --expose-gc is off again: a context made now has no gc. (The growth factor: test/unit/cli/code-cache.test.ts.)
    assert.equal(runInNewContext('typeof gc'), 'undefined')
  })
})
