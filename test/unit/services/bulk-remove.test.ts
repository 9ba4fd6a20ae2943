import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {ExitCode, InterruptedError, LocalIoError} from '../../../src/errors.js'
import {readAudit, type AuditEntry} from '../../../src/services/audit-log.js'
import {bulkRemove, stopError, type RemovalItem} from '../../../src/services/bulk-remove.js'
import {useTempConfig} from '../../helpers/env.js'

const items: RemovalItem[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
  id,
  name: `host-${id}`,
  product: 'Citrix License Server',
}))
const yes = async () => true
const audit = {profile: 'default', customer: 'acme'}

describe('bulk removal', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('removes every selected item and reports each one', async () => {
    const report = await bulkRemove({kind: 'product', selected: items, remove: async () => 'removed', confirm: yes})
    assert.deepEqual(
      report.items.map((i) => i.result),
      Array(6).fill('removed'),
    )
    assert.deepEqual([report.removed, report.notFound, report.failed], [6, 0, 0])
  })

  it('on a dry run removes nothing, asks nothing, and lists what would go', async () => {
    let calls = 0
    const report = await bulkRemove({
      kind: 'product',
      selected: items,
      dryRun: true,
      remove: async () => (calls++, 'removed'),
      confirm: async () => assert.fail('asked'),
    })
    assert.equal(calls, 0)
    assert.equal(report.dryRun, true)
    assert.ok(report.items.every((i) => i.result === 'would-remove'))
  })

  it('asks to confirm with exactly the selection, and removes nothing when declined', async () => {
    let shown: RemovalItem[] = []
    let calls = 0
    const report = await bulkRemove({
      kind: 'product',
      selected: items,
      remove: async () => (calls++, 'removed'),
      confirm: async (s) => ((shown = s), false),
    })
    assert.deepEqual(
      shown.map((i) => i.id),
      items.map((i) => i.id),
    )
    assert.deepEqual([calls, report.confirmed, report.items.length], [0, false, 0])
  })

  it('never runs more than --concurrency removals at once', async () => {
    let running = 0
    let most = 0
    await bulkRemove({
      kind: 'product',
      selected: items,
      concurrency: 2,
      confirm: yes,
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
      kind: 'product',
      selected: items,
      confirm: yes,
      remove: async (item) => {
        if (item.id === 'c') throw new Error('Citrix Cloud answered 503: Service unavailable')
        return 'removed'
      },
    })
    assert.deepEqual([report.removed, report.failed], [5, 1])
    assert.equal(report.items.find((i) => i.id === 'c')?.error, 'Citrix Cloud answered 503: Service unavailable')
  })

  it('reports ids that are not there as not found, without trying to remove them', async () => {
    const report = await bulkRemove({
      kind: 'product',
      selected: [],
      missing: ['gone'],
      remove: async () => assert.fail('called'),
      confirm: yes,
    })
    assert.deepEqual(
      report.items.map((i) => [i.id, i.result]),
      [['gone', 'not-found']],
    )
  })

  it('records every removal attempt in the audit log with its result', async () => {
    await bulkRemove({
      kind: 'connector',
      selected: items.slice(0, 2),
      audit,
      confirm: yes,
      remove: async (i) => (i.id === 'a' ? 'removed' : 'not-found'),
    })
    const entries = await readAudit()
    assert.deepEqual(entries.map((e) => [e.kind, e.action, e.id, e.result, e.customer]).sort(), [
      ['connector', 'remove', 'a', 'removed', 'acme'],
      ['connector', 'remove', 'b', 'not-found', 'acme'],
    ])
  })

  it('on Ctrl-C starts nothing new, waits for the removals in flight, records them, and reports what was not started (exit 130)', async () => {
    const abort = new AbortController()
    const started: string[] = []
    const report = await bulkRemove({
      kind: 'product',
      selected: items,
      concurrency: 2,
      confirm: yes,
      signal: abort.signal,
      audit,
      remove: async (item) => {
        started.push(item.id)
        if (item.id === 'b') abort.abort(new InterruptedError()) // Ctrl-C while a and b are in flight
        await new Promise((resolve) => setTimeout(resolve, 50))
        return 'removed'
      },
    })
    assert.deepEqual(started, ['a', 'b'])
    assert.deepEqual(
      report.items.map((i) => [i.id, i.result]),
      [
        ['a', 'removed'],
        ['b', 'removed'],
        ['c', 'not-started'],
        ['d', 'not-started'],
        ['e', 'not-started'],
        ['f', 'not-started'],
      ],
    )
    assert.deepEqual([report.removed, report.failed], [2, 0])
    assert.deepEqual((await readAudit()).map((e) => [e.id, e.result]).sort(), [
      ['a', 'removed'],
      ['b', 'removed'],
    ])
    const stopped = stopError(report)
    assert.ok(stopped instanceof InterruptedError)
    assert.equal(stopped.exitCode, ExitCode.interrupted)
    assert.equal(stopped.message, 'Interrupted: removed 2, failed 0, not started 4.')
    assert.equal(JSON.stringify(report).includes('Interrupted'), false, 'the reason is not part of the JSON report')
  })

  it('ends a SIGTERM the same way, with exit 143', async () => {
    const abort = new AbortController()
    const report = await bulkRemove({
      kind: 'product',
      selected: items,
      concurrency: 1,
      confirm: yes,
      signal: abort.signal,
      remove: async () => (abort.abort(new InterruptedError(undefined, {signal: 'SIGTERM'})), 'removed'),
    })
    assert.equal(stopError(report)?.exitCode, ExitCode.terminated)
    assert.deepEqual([report.removed, report.items.filter((i) => i.result === 'not-started').length], [1, 5])
  })

  it('waits a few seconds at most: a removal still in flight then is reported and recorded as unknown', async () => {
    const abort = new AbortController()
    const report = await bulkRemove({
      kind: 'product',
      selected: items.slice(0, 2),
      concurrency: 2,
      confirm: yes,
      signal: abort.signal,
      audit,
      stopWaitMs: 100,
      remove: async (item) => {
        if (item.id === 'a') return 'removed'
        abort.abort(new InterruptedError())
        return new Promise<'removed'>(() => {}) // never answers
      },
    })
    assert.deepEqual(
      report.items.map((i) => [i.id, i.result]),
      [
        ['a', 'removed'],
        ['b', 'unknown'],
      ],
    )
    assert.deepEqual((await readAudit()).map((e) => [e.id, e.result]).sort(), [
      ['a', 'removed'],
      ['b', 'unknown'],
    ])
    assert.match(stopError(report)?.message ?? '', /removed 1, failed 0, not started 0, unknown 1/)
  })

  it('reports a removal that fails after Ctrl-C as failed, not as an interruption of the whole run', async () => {
    const abort = new AbortController()
    const report = await bulkRemove({
      kind: 'product',
      selected: items,
      concurrency: 1,
      confirm: yes,
      signal: abort.signal,
      remove: async () => {
        abort.abort(new InterruptedError())
        throw new Error('socket closed')
      },
    })
    assert.deepEqual(
      report.items.slice(0, 2).map((i) => [i.id, i.result, i.error]),
      [
        ['a', 'failed', 'socket closed'],
        ['b', 'not-started', undefined],
      ],
    )
    assert.ok(stopError(report) instanceof InterruptedError)
  })

  it('removes nothing and reports nothing when stopped before the first removal', async () => {
    const abort = new AbortController()
    abort.abort(new InterruptedError())
    await assert.rejects(
      bulkRemove({
        kind: 'product',
        selected: items,
        confirm: yes,
        signal: abort.signal,
        remove: async () => assert.fail('removed'),
      }),
      InterruptedError,
    )
  })

  it('stops when the audit log cannot be written: the report still comes, exit 11 names what is not recorded', async () => {
    const written: AuditEntry[] = []
    const report = await bulkRemove({
      kind: 'product',
      selected: items,
      concurrency: 1,
      confirm: yes,
      audit,
      appendAudit: (entry) => {
        if (written.length === 2)
          throw new LocalIoError('Cannot write the audit log /data/audit.jsonl: no space left on the device (ENOSPC).')
        written.push(entry)
      },
      remove: async () => 'removed',
    })
    assert.deepEqual(
      written.map((e) => e.id),
      ['a', 'b'],
    )
    assert.deepEqual(
      report.items.map((i) => i.result),
      ['removed', 'removed', 'removed', 'not-started', 'not-started', 'not-started'],
    )
    const stopped = stopError(report)
    assert.equal(stopped?.exitCode, ExitCode.localIo)
    assert.equal(
      stopped?.message,
      'Cannot write the audit log /data/audit.jsonl: no space left on the device (ENOSPC). Removal stopped: removed 3, failed 0, not started 3; not recorded there: c (removed).',
    )
  })

  it('records the removals in flight as unknown when the process ends at once (a second Ctrl-C)', async () => {
    const abort = new AbortController()
    let inFlight!: () => void
    const running = bulkRemove({
      kind: 'product',
      selected: items.slice(0, 1),
      confirm: yes,
      signal: abort.signal,
      audit,
      remove: () => new Promise<'removed'>((resolve) => (inFlight = () => resolve('removed'))),
    })
    await new Promise((resolve) => setImmediate(resolve))
    // What process.exit runs before ending: its 'exit' hooks; the removal's is the last one added.
    const hook = process.listeners('exit').at(-1) as (code: number) => void
    hook(130)
    assert.deepEqual(
      (await readAudit()).map((e) => [e.id, e.result]),
      [['a', 'unknown']],
    )
    inFlight()
    await running
  })
})
