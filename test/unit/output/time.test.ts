import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {formatWhen} from '../../../src/output/time.js'

const now = new Date('2026-11-24T10:00:00Z')

describe('formatWhen', () => {
  it('shows the UTC minute and the age in days', () => {
    assert.equal(formatWhen('2026-08-01T09:30:00Z', now), '2026-08-01 09:30 (115d ago)')
  })

  it('says now for less than a minute', () => {
    assert.equal(formatWhen('2026-11-24T09:59:30Z', now), '2026-11-24 09:59 (now)')
  })

  it('leaves a value that is not a date as it is', () => {
    assert.equal(formatWhen('unknown', now), 'unknown')
  })
})
