import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {addMonths, formatMonth, monthOf} from '../../src/util/months.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

const monthsAgo = (n: number) => formatMonth(addMonths(monthOf(new Date()), -n))

describe('e2e: ctx license summary, history, customers and release against the sandbox', () => {
  const suite = useSandboxSuite()

  it('gives the enterprise summary as JSON over real HTTP', async () => {
    const result = await runBin(['license', 'summary', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {summary} = JSON.parse(result.stdout) as {summary: {view: string; used: number; productName: string}}
    assert.deepEqual([summary.view, summary.used, summary.productName], ['enterprise', 4000, 'Citrix DaaS'])
  })

  it('exits 6 with a hint when the customer is not entitled to the service', async () => {
    await suite.sandbox.store.update((state) => (state.licensing.entitledProducts = ['cvad']))
    const result = await runBin(['license', 'summary', '--product', 'endpoint-management'], {env: suite.sandbox.env})
    await suite.sandbox.store.update((state) => delete state.licensing.entitledProducts)
    assert.equal(result.code, 6)
    assert.match(result.stderr, /Hint: The customer is not entitled to Citrix Endpoint Management/)
  })

  it('says plainly that there is no history (204) and exits 0', async () => {
    const result = await runBin(
      ['license', 'history', '--product', 'secure-private-access', '--from', monthsAgo(9), '--to', monthsAgo(6)],
      {env: suite.sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, '')
    assert.match(result.stderr, /No usage recorded for Citrix Secure Private Access/)
  })

  it("exits 2 with Citrix's message for a bad time format", async () => {
    const result = await runBin(['license', 'history', '--from', '2026-1', '--to', monthsAgo(0)], {
      env: suite.sandbox.env,
    })
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Citrix Cloud answered 400: Invalid time format\./)
  })

  it('shows twelve months of history by default', async () => {
    const result = await runBin(['license', 'history', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {history: {months: unknown[]}}).history.months.length, 12)
  })

  it('lists the 40 seeded partner customers as CSV', async () => {
    const result = await runBin(['license', 'customers', '--view', 'partner-daas', '--csv'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const lines = result.stdout.trim().split(/\r?\n/)
    assert.equal(lines[0], 'customerName,orgId,totalLicenses,totalUsers,overage')
    assert.equal(lines.length, 41)
    // [seen] Named by the partner directory's displayName; the sandbox leaves every fifth unnamed: the org id stands in.
    const rows = lines.slice(1).map((line) => line.split(','))
    assert.match(rows[0]![0]!, /^[A-Z][a-z]+.* 1$/)
    assert.equal(rows[4]![0], rows[4]![1])
  })

  it('exits 2 for a partner month older than 12 months', async () => {
    const result = await runBin(['license', 'customers', '--month', monthsAgo(13)], {env: suite.sandbox.env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /out of range/)
  })

  it('releases every expired license in batches of 100, and the summary counts them', async () => {
    const result = await runBin(['license', 'release', '--expired', '--yes', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {released, failed, items} = JSON.parse(result.stdout) as {
      released: number
      failed: number
      items: Array<{result: string}>
    }
    assert.ok(released > 100)
    assert.equal(failed, 0)
    assert.ok(items.every((i) => i.result === 'released') && items.length === released)
    const posts = suite.sandbox.log.all().filter((r) => r.method === 'POST' && r.url.endsWith('/release'))
    assert.equal(posts.length, Math.ceil(released / 100))
    const summary = JSON.parse((await runBin(['license', 'summary', '--json'], {env: suite.sandbox.env})).stdout) as {
      summary: {released: number; used: number}
    }
    assert.deepEqual([summary.summary.released, summary.summary.used], [released, 4000 - released])
  })

  it('exits 10 and reports each failure when an id cannot be released', async () => {
    const result = await runBin(['license', 'release', '--id', 'no-such-consumer', '--yes'], {env: suite.sandbox.env})
    assert.equal(result.code, 10)
    assert.match(result.stdout, /FAILED .* no-such-consumer .* Consumer not found\./)
    assert.match(result.stderr, /no-such-consumer: Consumer not found\./)
  })
})
