import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {UsageError} from '../../../../src/errors.js'
import {resolveHistoryRange} from '../../../../src/services/license/history-range.js'

const now = new Date('2026-11-24T08:00:00Z')

describe('resolveHistoryRange', () => {
  it('defaults to the last 12 months, this one included', () => {
    assert.deepEqual(resolveHistoryRange({}, now), {start: '2025-12', end: '2026-11'})
  })

  it('takes the last N months', () => {
    assert.deepEqual(resolveHistoryRange({months: 3}, now), {start: '2026-09', end: '2026-11'})
  })

  it('takes --from and --to, --to defaulting to this month', () => {
    assert.deepEqual(resolveHistoryRange({from: '2026-02', to: '2026-04'}, now), {start: '2026-02', end: '2026-04'})
    assert.deepEqual(resolveHistoryRange({from: '2026-02'}, now), {start: '2026-02', end: '2026-11'})
  })

  it('refuses a start more than 12 months back, naming the oldest month allowed', () => {
    assert.throws(
      () => resolveHistoryRange({from: '2025-11'}, now),
      (error: UsageError) => error.exitCode === 2 && /2025-12/.test(error.hint ?? ''),
    )
  })

  it('passes a value that is not yyyy-MM on as typed, for Citrix to judge', () => {
    assert.deepEqual(resolveHistoryRange({from: '2026-1', to: '2026-03'}, now), {start: '2026-1', end: '2026-03'})
  })
})
