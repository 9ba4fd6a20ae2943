import assert from 'node:assert/strict'

import {describe, it} from 'mocha'

import {RequestPacer} from '../../../src/http/pacer.js'

function clock(start = 0) {
  let now = start
  return {now: () => now, advance: (ms: number) => (now += ms)}
}

describe('RequestPacer', () => {
  it('does not pace at all until a 429 is seen', () => {
    const time = clock()
    const pacer = new RequestPacer(time.now)
    for (let i = 0; i < 50; i++) assert.equal(pacer.reserve(), 0)
    assert.equal(pacer.ceiling, undefined)
  })

  it('after a 429, paces at one less than the requests started in the last second', () => {
    const time = clock()
    const pacer = new RequestPacer(time.now)
    for (let i = 0; i < 11; i++) {
      pacer.reserve()
      time.advance(50)
    }
    pacer.rateLimited()
    assert.equal(pacer.ceiling, 10)
    const waits = [pacer.reserve(), pacer.reserve(), pacer.reserve()]
    assert.deepEqual(waits, [0, 100, 200])
  })

  it('never lowers the ceiling below one request a second', () => {
    const time = clock()
    const pacer = new RequestPacer(time.now)
    pacer.rateLimited()
    assert.equal(pacer.ceiling, 1)
  })

  it('raises the ceiling by one after a few quiet seconds', () => {
    const time = clock()
    const pacer = new RequestPacer(time.now)
    for (let i = 0; i < 6; i++) pacer.reserve()
    pacer.rateLimited()
    assert.equal(pacer.ceiling, 5)
    time.advance(3500)
    pacer.reserve()
    assert.equal(pacer.ceiling, 6)
  })
})
