import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {UsageError} from '../../../src/errors.js'
import {idsFrom, matchesFilters, nameMatcher, parseDuration} from '../../../src/services/selection.js'

const now = new Date('2026-11-24T10:00:00Z')
const daysBefore = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()

describe('selection filters', () => {
  it('reads durations such as 30d, 12h and 2w', () => {
    assert.equal(parseDuration('30d'), 30 * 86_400_000)
    assert.equal(parseDuration('12h'), 12 * 3_600_000)
    assert.equal(parseDuration('2w'), 14 * 86_400_000)
  })

  it('refuses a bare number or nonsense as a usage error naming the flag', () => {
    assert.throws(() => parseDuration('30'), (error: unknown) => error instanceof UsageError && /--stale "30" has no unit/.test(error.message))
    assert.throws(() => parseDuration('soon'), UsageError)
  })

  it('matches names with a case-insensitive glob', () => {
    const matches = nameMatcher('LS-*')
    assert.equal(matches('ls-01.corp.example'), true)
    assert.equal(matches('fas-01.corp.example'), false)
  })

  it('selects what last called in longer ago than --stale', () => {
    const stale = matchesFilters({stale: '30d'}, now)
    assert.equal(stale({name: 'a', lastContactAt: daysBefore(31)}), true)
    assert.equal(stale({name: 'a', lastContactAt: daysBefore(29)}), false)
  })

  it('never counts as stale what cannot be stale (a Connected connector)', () => {
    const stale = matchesFilters({stale: '30d'}, now)
    assert.equal(stale({name: 'a', lastContactAt: daysBefore(300), canBeStale: false}), false)
  })

  it('combines --name and --stale', () => {
    const select = matchesFilters({stale: '30d', name: 'ls-*'}, now)
    assert.equal(select({name: 'ls-01', lastContactAt: daysBefore(40)}), true)
    assert.equal(select({name: 'fas-01', lastContactAt: daysBefore(40)}), false)
  })

  it('reads ids from arguments and, for -, from stdin, without duplicates', () => {
    assert.deepEqual(idsFrom(['a', '-', 'b'], 'c\nd, a\n\n'), ['a', 'c', 'd', 'b'])
  })
})
