import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {UsageError} from '../../../src/errors.js'
import {
  hostListMatcher,
  idsFrom,
  matchesFilters,
  nameMatcher,
  parseDateOrDuration,
  parseDuration,
  parseHostList,
} from '../../../src/services/selection.js'

const now = new Date('2026-11-24T10:00:00Z')
const daysBefore = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()

describe('selection filters', () => {
  it('reads durations such as 30d, 12h and 2w', () => {
    assert.equal(parseDuration('30d'), 30 * 86_400_000)
    assert.equal(parseDuration('12h'), 12 * 3_600_000)
    assert.equal(parseDuration('2w'), 14 * 86_400_000)
  })

  it('refuses a bare number or nonsense as a usage error naming the flag', () => {
    assert.throws(
      () => parseDuration('30'),
      (error: unknown) => error instanceof UsageError && /--stale "30" has no unit/.test(error.message),
    )
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

  it('never counts what has no last contact (or an unparseable one) as stale', () => {
    const stale = matchesFilters({stale: '30d'}, now)
    assert.equal(stale({name: 'a', lastContactAt: null}), false)
    assert.equal(stale({name: 'a', lastContactAt: 'soon'}), false)
  })

  it('reads --registered-before as a date (midnight UTC) or a duration back from now', () => {
    assert.equal(
      parseDateOrDuration('2026-01-31', '--registered-before', now).toISOString(),
      '2026-01-31T00:00:00.000Z',
    )
    assert.equal(
      parseDateOrDuration('2026-01-31T12:00:00Z', '--registered-before', now).toISOString(),
      '2026-01-31T12:00:00.000Z',
    )
    assert.equal(parseDateOrDuration('10d', '--registered-before', now).toISOString(), daysBefore(10))
    assert.throws(
      () => parseDateOrDuration('last year', '--registered-before', now),
      (error: unknown) => error instanceof UsageError && /--registered-before "last year"/.test(error.message),
    )
  })

  it('selects what was registered before --registered-before, never what has no registration time', () => {
    const select = matchesFilters({registeredBefore: '100d'}, now)
    assert.equal(select({name: 'a', lastContactAt: null, registeredAt: daysBefore(101)}), true)
    assert.equal(select({name: 'a', lastContactAt: null, registeredAt: daysBefore(99)}), false)
    assert.equal(select({name: 'a', lastContactAt: null, registeredAt: null}), false)
  })

  it('reads a decommission list: one name a line, comments, blanks, any case and a trailing dot', () => {
    assert.deepEqual(
      parseHostList('# decommissioned in Q3\r\nLS-01.corp.example.\n\n  fas-02  retired 2026-03\nls-01.corp.example\n'),
      ['ls-01.corp.example', 'fas-02'],
    )
  })

  it('matches a host on the list by its full name, or by its first label when the list gives a short name', () => {
    const onList = hostListMatcher(['ls-01.corp.example', 'fas-02'])
    assert.equal(onList('LS-01.corp.example'), true)
    assert.equal(onList('fas-02.emea.corp.example'), true)
    assert.equal(onList('ls-01.emea.corp.example'), false)
    assert.equal(onList(''), false)
  })
})
