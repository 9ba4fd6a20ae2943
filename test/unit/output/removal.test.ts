import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {removalSummary, renderRemovalPlan, renderRemovalReport} from '../../../src/output/removal.js'
import {displayWidth} from '../../../src/output/table.js'
import type {RemovalOutcome} from '../../../src/services/bulk-remove.js'

describe('output: the removal plan', () => {
  it('shows the status and last contact of items that carry them (connectors)', () => {
    const now = new Date('2026-12-01T12:00:00Z')
    const plan = renderRemovalPlan(
      [
        {
          id: 'c1',
          name: 'cc-01',
          product: 'Cloud Connector',
          status: 'Disconnected',
          lastContactAt: '2026-11-01T12:00:00Z',
        },
        {id: 'c2', name: 'cc-02', product: 'Cloud Connector', status: '', lastContactAt: ''},
      ],
      now,
    )
    assert.match(plan, /Status .* Last contact/)
    assert.match(plan, /cc-01 .* Disconnected .* 2026-11-01 12:00 UTC \(30 d ago\) .* c1/)
    assert.match(plan, /cc-02 .* unknown .* unknown .* c2/)
  })

  it('keeps to name, product and id for items without them', () => {
    const plan = renderRemovalPlan([{id: 'p1', name: 'ls-01', product: 'License Server'}])
    assert.doesNotMatch(plan, /Status|Last contact/)
  })

  it('ends with a warning line for each warning of an item', () => {
    const plan = renderRemovalPlan([
      {
        id: 'c2',
        name: 'cc-02',
        product: 'Cloud Connector',
        status: 'Connected',
        lastContactAt: null,
        warnings: ['reports Connected', 'is the last connector of resource location Tokyo'],
      },
    ])
    const lines = plan.split('\n')
    assert.equal(lines.at(-2), 'Warning: cc-02 reports Connected.')
    assert.equal(lines.at(-1), 'Warning: cc-02 is the last connector of resource location Tokyo.')
  })

  it('shows a dry run with the status and last contact of its plan, and blank ones for ids not found', () => {
    const now = new Date('2026-12-01T12:00:00Z')
    const report = {
      dryRun: true,
      removed: 0,
      notFound: 1,
      failed: 0,
      items: [
        {id: 'c1', name: 'cc-01', product: 'Cloud Connector', result: 'would-remove'},
        {id: 'gone', name: '', product: '', result: 'not-found'},
      ],
    }
    const table = renderRemovalReport(
      report,
      [
        {
          id: 'c1',
          name: 'cc-01',
          product: 'Cloud Connector',
          status: 'Disconnected',
          lastContactAt: '2026-11-01T12:00:00Z',
        },
      ],
      now,
    )
    assert.match(table, /Result .* Status .* Last contact .* Id/)
    assert.match(table, /would remove .* cc-01 .* Disconnected .* 2026-11-01 12:00 UTC \(30 d ago\) .* c1/)
    assert.match(table, /not found .* gone/)
  })

  it('fits an 80-column terminal by shortening the id and product first, keeping status and last contact', () => {
    const saved = process.env.COLUMNS
    process.env.COLUMNS = '80'
    try {
      const item = {
        id: '8b3cbdf5-0057-4708-97c9-5f6653015710',
        name: 'cc-01.emea.corp.example',
        product: 'Cloud Connector',
        status: 'Disconnected',
        lastContactAt: '2026-11-01T12:00:00Z',
      }
      const table = renderRemovalPlan([item], new Date('2026-12-01T12:00:00Z'))
      assert.ok(Math.max(...table.split('\n').map((line) => displayWidth(line))) <= 80, table)
      assert.match(table, /Disconnected/)
      assert.match(table, /\(30 d ago\)/)
      assert.doesNotMatch(table, /8b3cbdf5-0057-4708-97c9-5f6653015710/)
    } finally {
      if (saved === undefined) delete process.env.COLUMNS
      else process.env.COLUMNS = saved
    }
  })

  it('counts a dry run in the singular for one item and the plural for more', () => {
    const dryRun = (n: number) => ({
      dryRun: true,
      confirmed: true,
      items: Array.from({length: n}, (_, i) => ({id: `c${i}`, result: 'would-remove'}) as RemovalOutcome),
      removed: 0,
      notFound: 0,
      failed: 0,
    })
    assert.equal(removalSummary(dryRun(1), 'connector'), 'Dry run: 1 connector would be removed; nothing was changed.')
    assert.equal(removalSummary(dryRun(2), 'connector'), 'Dry run: 2 connectors would be removed; nothing was changed.')
  })
})
