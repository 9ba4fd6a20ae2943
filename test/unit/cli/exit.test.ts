import assert from 'node:assert/strict'
import {Writable} from 'node:stream'
import {describe, it} from 'mocha'

import {drained} from '../../../src/cli/exit.js'

/** A destination that takes each write only after `delayMs` (or never), like a pipe to a slow reader. */
function slowSink(delayMs: number | 'never'): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      if (delayMs !== 'never') setTimeout(callback, delayMs)
    },
  })
}

const settledWithin = async (promise: Promise<void>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))])

describe('drained', () => {
  it('resolves at once when nothing is pending', async () => {
    assert.equal(await settledWithin(drained({streams: [slowSink(1000)]}), 50), true)
  })

  it('waits until everything written has gone out, not only until the buffer is below its mark', async () => {
    const sink = slowSink(30)
    sink.write('a'.repeat(100))
    sink.write('b'.repeat(100))
    assert.ok(sink.writableLength > 0 && !sink.writableNeedDrain)
    const done = drained({streams: [sink]})
    assert.equal(await settledWithin(done, 10), false)
    await done
    assert.equal(sink.writableLength, 0)
  })

  it('gives up after limitMs on a destination that never takes the data', async () => {
    const sink = slowSink('never')
    sink.write('x')
    assert.equal(await settledWithin(drained({streams: [sink], limitMs: 50}), 1000), true)
  })

  it('stops waiting when the destination is closed (its reader went away)', async () => {
    const sink = slowSink('never')
    sink.write('x')
    const done = drained({streams: [sink]})
    sink.destroy()
    assert.equal(await settledWithin(done, 1000), true)
  })
})
