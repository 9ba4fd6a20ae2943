import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {describe, it} from 'mocha'

import {readAudit} from '../../src/services/audit-log.js'
import {startDataSandbox} from '../helpers/data-sandbox.js'
import {binPath, runBin} from '../helpers/run-bin.js'
import {useSandboxSuite, type TestSandbox} from '../helpers/sandbox.js'

const staleIds = async (sandbox: TestSandbox, days = 30) => {
  const cutoff = Date.now() - days * 86_400_000
  return (await sandbox.store.read()).registeredProducts
    .filter((p) => Date.parse(p.lastContactTime!) < cutoff)
    .map((p) => p.instanceID)
}

describe('e2e: ctx product remove against the sandbox', () => {
  const suite = useSandboxSuite({each: true, start: () => startDataSandbox()})

  it('--dry-run lists the stale registrations and leaves the sandbox unchanged', async () => {
    const before = (await suite.sandbox.store.read()).registeredProducts
    const result = await runBin(['product', 'remove', '--stale', '30d', '--dry-run', '--json'], {
      env: suite.sandbox.env,
    })
    assert.equal(result.code, 0, result.stderr)
    const report = JSON.parse(result.stdout) as {dryRun: boolean; items: Array<{id: string; result: string}>}
    assert.equal(report.dryRun, true)
    assert.deepEqual(report.items.map((i) => i.id).sort(), (await staleIds(suite.sandbox)).sort())
    assert.deepEqual((await suite.sandbox.store.read()).registeredProducts, before)
    assert.ok(suite.sandbox.log.all().every((r) => r.method !== 'DELETE'))
  })

  it('removes every stale registration with 20% of requests failing 503, or names each failure and a re-run completes', async () => {
    const stale = await staleIds(suite.sandbox)
    assert.ok(stale.length > 0)
    assert.equal((await runBin(['product', 'list'], {env: suite.sandbox.env})).code, 0) // caches the token: the token POST is never retried
    suite.sandbox.faults.set({failureRate: 0.2, retryAfterSeconds: 0})
    const first = await runBin(['product', 'remove', '--stale', '30d', '--yes', '--json'], {env: suite.sandbox.env})
    assert.ok(first.code === 0 || first.code === 10, first.stderr)
    const report = JSON.parse(first.stdout) as {items: Array<{id: string; result: string}>}
    const failed = report.items.filter((i) => i.result === 'failed')
    assert.equal(failed.length > 0, first.code === 10)
    if (first.code === 10) {
      const second = await runBin(['product', 'remove', '--stale', '30d', '--yes'], {env: suite.sandbox.env})
      assert.equal(second.code, 0, second.stderr)
    }
    assert.ok(
      suite.sandbox.log.all().some((r) => r.status === 503),
      'faults were injected',
    )
    suite.sandbox.faults.set({failureRate: 0})
    assert.deepEqual(await staleIds(suite.sandbox), [])
  })

  it('exits 10 naming each failed removal, and running it again finishes the job', async () => {
    const stale = await staleIds(suite.sandbox)
    suite.sandbox.faults.set({
      retryAfterSeconds: 0,
      routes: [{method: 'DELETE', path: '/root/trust/v1/registeredproducts', status: 503, count: 2}],
    })
    const first = await runBin(
      ['product', 'remove', '--stale', '30d', '--yes', '--max-retries', '0', '--concurrency', '1'],
      {env: suite.sandbox.env},
    )
    assert.equal(first.code, 10)
    assert.match(
      first.stderr,
      new RegExp(
        `2 of ${stale.length} could not be removed: ${stale[0]} \\(.+\\): Citrix Cloud answered 503.*; ${stale[1]} \\(`,
      ),
    )
    assert.deepEqual(await staleIds(suite.sandbox), stale.slice(0, 2))
    const second = await runBin(['product', 'remove', '--stale', '30d', '--yes', '--max-retries', '0'], {
      env: suite.sandbox.env,
    })
    assert.equal(second.code, 0, second.stderr)
    assert.match(second.stderr, /Removed 2, not found 0, failed 0/)
    assert.deepEqual(await staleIds(suite.sandbox), [])
  })

  it('removes the ids piped in on stdin with -, and records them in the history', async () => {
    const listed = await runBin(['product', 'list', '--stale', '60d', '--json'], {env: suite.sandbox.env})
    const ids = (JSON.parse(listed.stdout) as {products: Array<{id: string}>}).products.map((p) => p.id)
    assert.ok(ids.length > 0)
    const removed = await runBin(['product', 'remove', '-', '--yes'], {env: suite.sandbox.env, input: ids.join('\n')})
    assert.equal(removed.code, 0, removed.stderr)
    const history = await runBin(['product', 'history', '--json'], {env: suite.sandbox.env})
    const entries = (JSON.parse(history.stdout) as {entries: Array<{id: string; result: string; customer: string}>})
      .entries
    assert.deepEqual(entries.map((e) => e.id).sort(), [...ids].sort())
    assert.ok(entries.every((e) => e.result === 'removed' && e.customer === 'sandboxcustomer'))
  })

  it('reports an id removed already as not found, with exit 0', async () => {
    const [id] = await staleIds(suite.sandbox)
    assert.equal((await runBin(['product', 'remove', id!, '--yes'], {env: suite.sandbox.env})).code, 0)
    const again = await runBin(['product', 'remove', id!, '--yes'], {env: suite.sandbox.env})
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stdout, /not found/)
  })

  for (const [signal, code, said] of [
    ['SIGINT', 130, 'Interrupted'],
    ['SIGTERM', 143, 'Terminated \\(SIGTERM\\)'],
  ] as const) {
    it(`on ${signal} mid-removal starts nothing new, records every removal made, prints the partial report and exits ${code}`, async () => {
      const {sandbox} = suite
      const all = (await sandbox.store.read()).registeredProducts.map((p) => p.instanceID)
      assert.equal((await runBin(['product', 'list'], {env: sandbox.env})).code, 0) // caches the token
      sandbox.faults.set({latencyMs: 300})
      const child = spawn(process.execPath, [binPath, 'product', 'remove', '-', '--yes', '--concurrency', '2'], {
        env: {...process.env, NO_COLOR: '1', ...sandbox.env},
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const exited = new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)))
      child.stdin.end(all.join('\n'))
      const deletes = () => sandbox.log.all().filter((r) => r.method === 'DELETE').length
      while (deletes() < 3) await new Promise((resolve) => setTimeout(resolve, 10))
      const signalled = Date.now()
      child.kill(signal)
      assert.equal(await exited, code, stderr)
      assert.ok(Date.now() - signalled < 5000, 'a few seconds at most')
      sandbox.faults.set({latencyMs: 0})
      const left = new Set((await sandbox.store.read()).registeredProducts.map((p) => p.instanceID))
      const removedOnServer = all.filter((id) => !left.has(id))
      assert.ok(removedOnServer.length >= 3 && left.size > 0, `${removedOnServer.length} removed, ${left.size} left`)
      const audited = (await readAudit(`${sandbox.env.CTX_DATA_DIR}/audit.jsonl`)).map((e) => [e.id, e.result])
      assert.deepEqual(
        audited.map(([id]) => id).sort(),
        [...removedOnServer].sort(),
        'every removal made is in the audit log',
      )
      assert.ok(audited.every(([, result]) => result === 'removed'))
      assert.equal(stdout.match(/^│ removed /gm)?.length, removedOnServer.length, stdout)
      assert.equal(stdout.match(/^│ not started /gm)?.length, left.size, stdout)
      assert.match(
        stderr,
        new RegExp(`^Error: ${said}: removed ${removedOnServer.length}, failed 0, not started ${left.size}\\.$`, 'm'),
      )
    })
  }
})
