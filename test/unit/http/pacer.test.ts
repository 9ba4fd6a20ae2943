import assert from 'node:assert/strict'

import {describe, it} from 'mocha'

import {RequestBudgets, RequestPacer, rateHintsFrom} from '../../../src/http/pacer.js'

function clock(start = 0) {
  let now = start
  return {now: () => now, advance: (ms: number) => (now += ms)}
}

describe('RequestPacer', () => {
  it('does not pace at all while nothing is known of the limit', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    for (let i = 0; i < 50; i++) assert.equal(pacer.reserve(), 0)
    assert.equal(pacer.ceiling, undefined)
  })

  it('paces at a pinned rate exactly, from the first request', () => {
    const time = clock()
    const pacer = new RequestPacer({pinned: 10, now: time.now})
    assert.deepEqual([pacer.reserve(), pacer.reserve()], [0, 100])
    time.advance(60)
    assert.equal(pacer.reserve(), 40)
    time.advance(40)
    assert.equal(pacer.reserve(), 0)
    pacer.observe(200, {'ratelimit-policy': '50;w=1;burst=50'})
    assert.equal(pacer.ceiling, 10)
  })

  it('learns rate and burst from RateLimit-Policy and spends the burst before pacing', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    pacer.reserve()
    pacer.observe(200, {'ratelimit-policy': '20;w=1;burst=5', 'ratelimit-remaining': '4'})
    assert.equal(pacer.ceiling, 20)
    assert.equal(pacer.learnedFrom, 'headers')
    const waits = Array.from({length: 5}, () => pacer.reserve())
    assert.deepEqual(waits.slice(0, 4), [0, 0, 0, 0])
    assert.ok(waits[4]! >= 50 && waits[4]! <= 53, `fifth wait ${waits[4]}`) // 1 / (20 × 0.97) s
  })

  it('follows the service when it reports fewer tokens left than the budget thinks', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    pacer.observe(200, {'ratelimit-policy': '10;w=1;burst=10', 'ratelimit-remaining': '10'})
    pacer.observe(200, {'ratelimit-remaining': '0'})
    assert.ok(pacer.reserve() > 0)
  })

  it('after a 429 with under a second of history, starts from the contract’s 10 a second and pauses for Retry-After', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    pacer.reserve()
    time.advance(20)
    pacer.reserve()
    pacer.observe(429, {'retry-after': '1'})
    assert.equal(pacer.ceiling, 10)
    assert.equal(pacer.learnedFrom, '429')
    assert.ok(pacer.reserve() >= 1000)
  })

  it('after a 429 with a second of history, paces at one less than what was let through in the last second', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    for (let i = 0; i < 30; i++) {
      pacer.reserve()
      time.advance(50)
    }
    pacer.rateLimited()
    assert.equal(pacer.ceiling, 18) // 19 let through in the last second
  })

  it('takes a token only when the request goes, so a late request does not shorten the next gap', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    pacer.observe(200, {'ratelimit-policy': '10;w=1;burst=1', 'ratelimit-remaining': '0'})
    time.advance(300) // sent late: the bucket holds one token, no more
    assert.equal(pacer.reserve(), 0)
    assert.ok(pacer.reserve() >= 100)
  })

  it('lowers the rate on a further 429 and raises it after quiet seconds', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    pacer.reserve()
    pacer.rateLimited()
    time.advance(100)
    pacer.reserve()
    pacer.rateLimited()
    assert.ok(pacer.ceiling! < 10)
    const lowered = pacer.ceiling!
    time.advance(2500)
    pacer.reserve()
    assert.ok(pacer.ceiling! > lowered)
  })

  describe('charging a request that reached the service late', () => {
    const policy = {'ratelimit-policy': '10;w=1;burst=1', 'ratelimit-remaining': '0'}
    // A budget at 10 a second, burst 1, that has seen one ordinary request (1 ms to the socket, 5 ms to the first byte).
    function pacedAt10() {
      const time = clock()
      const pacer = new RequestPacer({now: time.now})
      pacer.observe(200, policy, {sendDelayMs: 1, firstByteMs: 5})
      time.advance(200)
      assert.equal(pacer.reserve(), 0)
      return {time, pacer}
    }

    it('waits longer before the next request by as much as this one left late', () => {
      const {pacer} = pacedAt10()
      pacer.observe(200, policy, {sendDelayMs: 21, firstByteMs: 5})
      const wait = pacer.reserve()
      assert.ok(wait >= 120 && wait <= 121, `wait ${wait}`) // 1 / (10 × 0.97) s, plus the 20 ms less its 3 ms of slack
    })

    it('waits longer when the first byte came later than the fastest by more than processing jitter', () => {
      const {pacer} = pacedAt10()
      pacer.observe(200, policy, {sendDelayMs: 1, firstByteMs: 35})
      const wait = pacer.reserve()
      assert.ok(wait >= 122 && wait <= 123, `wait ${wait}`) // 103 ms, plus 35 − 5 − 8, less 3 ms of slack
    })

    it('does not charge ordinary jitter or what the slack absorbs, and charges at most half an interval', () => {
      const ordinary = pacedAt10()
      ordinary.pacer.observe(200, policy, {sendDelayMs: 3, firstByteMs: 12})
      assert.ok(ordinary.pacer.reserve() <= 104) // 2 ms late, within the 3 ms of slack
      const stalled = pacedAt10()
      stalled.pacer.observe(200, policy, {sendDelayMs: 400, firstByteMs: 900})
      const wait = stalled.pacer.reserve()
      assert.ok(wait >= 153 && wait <= 154, `wait ${wait}`) // 103 ms, plus 50
    })

    it('charges the first request that opened its connection, before any faster one is seen', () => {
      // Pinned at 20 a second (50 ms apart, no margin): the token call took 8 ms to reach its socket.
      const time = clock()
      const pacer = new RequestPacer({now: time.now, pinned: 20})
      assert.equal(pacer.reserve(), 0)
      pacer.observe(200, {}, {sendDelayMs: 8, firstByteMs: 5})
      time.advance(50)
      const wait = pacer.reserve()
      assert.ok(wait >= 7 && wait <= 8, `wait ${wait}`) // 8 ms late, less the millisecond any request takes
    })

    it('charges nothing while the limit is unknown', () => {
      const time = clock()
      const pacer = new RequestPacer({now: time.now})
      pacer.observe(200, {}, {sendDelayMs: 1, firstByteMs: 5})
      pacer.observe(200, {}, {sendDelayMs: 300, firstByteMs: 900})
      assert.equal(pacer.reserve(), 0)
    })
  })

  it('a 429 does not change a rate the headers gave', () => {
    const time = clock()
    const pacer = new RequestPacer({now: time.now})
    pacer.observe(200, {'ratelimit-policy': '5;w=1;burst=1'})
    pacer.observe(429, {'retry-after': '1', 'ratelimit-policy': '5;w=1;burst=1'})
    assert.equal(pacer.ceiling, 5)
    assert.ok(pacer.reserve() < 1000)
  })
})

describe('rateHintsFrom', () => {
  it('reads a policy with a window, and the X-RateLimit forms', () => {
    assert.deepEqual(rateHintsFrom({'ratelimit-policy': '600;w=60'}), {rate: 10, burst: undefined})
    assert.deepEqual(rateHintsFrom({'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '3'}), {rate: 10, remaining: 3})
    assert.deepEqual(rateHintsFrom({}), {})
  })
})

describe('RequestBudgets', () => {
  it('keeps one budget per customer, the token call sharing the first customer’s', () => {
    const budgets = new RequestBudgets()
    const tokenCall = budgets.for(undefined)
    assert.equal(budgets.for('acme'), tokenCall)
    assert.equal(budgets.for('acme'), tokenCall)
    assert.notEqual(budgets.for('other'), tokenCall)
  })
})
