import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {formatAge, formatDay, formatWhen, isoUtc} from '../../../src/output/time.js'

const now = new Date('2026-11-24T10:00:00Z')

describe('formatWhen', () => {
  it('shows the local minute with its zone and the age in days', () => {
    assert.equal(
      formatWhen('2026-08-01T09:30:00Z', now, {timeZone: 'Europe/Paris'}),
      '2026-08-01 11:30 CEST (115 d ago)',
    )
  })

  it('labels UTC as UTC', () => {
    assert.equal(formatWhen('2026-08-01T09:30:00Z', now, {timeZone: 'UTC'}), '2026-08-01 09:30 UTC (115 d ago)')
  })

  it('names a zone with no common abbreviation by its offset', () => {
    assert.match(
      formatWhen('2026-08-01T09:30:00Z', now, {timeZone: 'Asia/Kolkata'}),
      /^2026-08-01 15:00 (GMT\+5:30|IST) \(115 d ago\)$/,
    )
  })

  it('says now for less than a minute', () => {
    assert.equal(formatWhen('2026-11-24T09:59:30Z', now, {timeZone: 'UTC'}), '2026-11-24 09:59 UTC (now)')
  })

  it('says unknown for no time, and leaves a value that is not a date as it is', () => {
    assert.equal(formatWhen(null, now), 'unknown')
    assert.equal(formatWhen('unknown', now), 'unknown')
  })
})

describe('formatAge', () => {
  it('writes minutes, hours and days with a space and thousands separators', () => {
    assert.equal(formatAge(5 * 60_000), '5 min ago')
    assert.equal(formatAge(3 * 3_600_000), '3 h ago')
    assert.equal(formatAge(1234 * 86_400_000), '1,234 d ago')
    assert.equal(formatAge(-2 * 86_400_000), 'in 2 d')
  })
})

describe('formatDay and isoUtc', () => {
  it('gives the local day', () => {
    assert.equal(formatDay('2026-08-01T23:30:00Z', {timeZone: 'Europe/Paris'}), '2026-08-02')
  })

  it('writes any parseable time as ISO-8601 UTC and keeps none as null', () => {
    assert.equal(isoUtc('2026-08-01T11:30:00+02:00'), '2026-08-01T09:30:00.000Z')
    assert.equal(isoUtc(null), null)
    assert.equal(isoUtc('soon'), 'soon')
  })
})
