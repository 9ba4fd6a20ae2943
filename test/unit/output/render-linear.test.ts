import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {removalSummary, renderRemovalPlan, renderRemovalReport} from '../../../src/output/removal.js'
import {bulkRemove, selectByIds} from '../../../src/services/bulk-remove.js'

// Issue 15, item 19: selecting, removing and rendering 100,000 items takes time linear in them
// (cli-table3 took 50 s for 20,000 rows; ids.includes in the selection was quadratic too).

describe('bulk removal at scale', function () {
  this.timeout(60_000)
  const n = 100_000
  const found = Array.from({length: n}, (_, i) => ({
    id: `id-${i}`,
    name: `host-${i}.corp.example`,
    product: 'Citrix Connector Appliance',
  }))

  it('selects 100,000 ids among 100,000 items in well under a second', () => {
    const started = Date.now()
    const {selected, missing} = selectByIds(found, [...found.map((item) => item.id), 'gone-1'])
    assert.equal(selected.length, n)
    assert.deepEqual(missing, ['gone-1'])
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`)
  })

  it('removes and renders the plan and report of 100,000 items in a few seconds', async () => {
    const started = Date.now()
    const report = await bulkRemove({
      kind: 'product',
      selected: found,
      remove: async () => 'removed',
      confirm: async () => true,
      concurrency: 16,
    })
    const plan = renderRemovalPlan(found)
    const text = renderRemovalReport(report)
    assert.equal(removalSummary(report, 'product'), `Removed ${n}, not found 0, failed 0.`)
    assert.equal(text.split('\n').length, n + 4)
    assert.equal(plan.split('\n').length, n + 4)
    // About 2 s alone; generous for a loaded machine. cli-table3 took minutes for this many.
    assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`)
  })
})
