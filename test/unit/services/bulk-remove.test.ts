import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {InterruptedError} from '../../../src/errors.js'
import {readAudit} from '../../../src/services/audit-log.js'
import {bulkRemove, type RemovalItem} from '../../../src/services/bulk-remove.js'
import {useTempConfig} from '../../helpers/env.js'

const items: RemovalItem[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({id, name: `host-${id}`, product: 'Citrix License Server'}))
const yes = async () => true
const audit = {profile: 'default', customer: 'acme'}

describe('bulk removal', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('removes every selected item and reports each one', async () => {
    const report = await bulkRemove({kind: 'product', selected: items, remove: async () => 'removed', confirm: yes})
    assert.deepEqual(report.items.map((i) => i.result), Array(6).fill('removed'))
    assert.deepEqual([report.removed, report.notFound, report.failed], [6, 0, 0])
  })

  it('on a dry run removes nothing, asks nothing, and lists what would go', async () => {
    let calls = 0
    const report = await bulkRemove({kind: 'product', selected: items, dryRun: true, remove: async () => (calls++, 'removed'), confirm: async () => assert.fail('asked')})
    assert.equal(calls, 0)
    assert.equal(report.dryRun, true)
    assert.ok(report.items.every((i) => i.result === 'would-remove'))
  })

  it('asks to confirm with exactly the selection, and removes nothing when declined', async () => {
    let shown: RemovalItem[] = []
    let calls = 0
    const report = await bulkRemove({kind: 'product', selected: items, remove: async () => (calls++, 'removed'), confirm: async (s) => ((shown = s), false)})
    assert.deepEqual(shown.map((i) => i.id), items.map((i) => i.id))
    assert.deepEqual([calls, report.confirmed, report.items.length], [0, false, 0])
  })

  it('never runs more than --concurrency removals at once', async () => {
    let running = 0
    let most = 0
    await bulkRemove({
      kind: 'product', selected: items, concurrency: 2, confirm: yes,
      remove: async () => {
        most = Math.max(most, ++running)
        await new Promise((resolve) => setImmediate(resolve))
        running--
        return 'removed'
      },
    })
    assert.equal(most, 2)
  })

  it('reports a failure per item with its message, and carries on with the rest', async () => {
    const report = await bulkRemove({
      kind: 'product', selected: items, confirm: yes,
      remove: async (item) => {
        if (item.id === 'c') throw new Error('Citrix Cloud answered 503: Service unavailable')
        return 'removed'
      },
    })
    assert.deepEqual([report.removed, report.failed], [5, 1])
    assert.equal(report.items.find((i) => i.id === 'c')?.error, 'Citrix Cloud answered 503: Service unavailable')
  })

  it('reports ids that are not there as not found, without trying to remove them', async () => {
    const report = await bulkRemove({kind: 'product', selected: [], missing: ['gone'], remove: async () => assert.fail('called'), confirm: yes})
    assert.deepEqual(report.items.map((i) => [i.id, i.result]), [['gone', 'not-found']])
  })

  it('records every removal attempt in the audit log with its result', async () => {
    await bulkRemove({kind: 'connector', selected: items.slice(0, 2), audit, confirm: yes, remove: async (i) => (i.id === 'a' ? 'removed' : 'not-found')})
    const entries = await readAudit()
    assert.deepEqual(entries.map((e) => [e.kind, e.action, e.id, e.result, e.customer]).sort(), [
      ['connector', 'remove', 'a', 'removed', 'acme'],
      ['connector', 'remove', 'b', 'not-found', 'acme'],
    ])
  })

  it('stops on Ctrl-C with the interruption, not a per-item failure', async () => {
    const abort = new AbortController()
    const promise = bulkRemove({
      kind: 'product', selected: items, concurrency: 1, confirm: yes, signal: abort.signal,
      remove: async () => {
        abort.abort(new InterruptedError())
        throw new Error('socket closed')
      },
    })
    await assert.rejects(promise, InterruptedError)
  })
})
