import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {parseCsv} from '../helpers/csv-parse.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

describe('e2e: partner on-premises calls [seen] against the sandbox', () => {
  const suite = useSandboxSuite()

  it('lists the partner license servers with their health', async () => {
    const result = await runBin(['license', 'servers', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {servers, total} = JSON.parse(result.stdout) as {
      total: number
      servers: Array<{fqdn: string; stale: boolean; issues: string[]}>
    }
    assert.equal(servers.length, total)
    assert.ok(servers.some((s) => s.issues.includes('never reported')))
    assert.ok(servers.some((s) => !s.stale && s.issues.includes('non-CSP licenses')))
  })

  it('selects the stale license servers with --stale', async () => {
    const result = await runBin(['license', 'servers', '--stale', '--csv'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const rows = (await parseCsv(result.stdout)).slice(1)
    assert.equal(rows.length, 4)
    assert.ok(rows.every((row) => row[2] === 'true'))
    assert.ok(rows.some((row) => /not phoning home since \d{4}-\d{2}-\d{2}/.test(row[1]!)))
    assert.ok(rows.some((row) => row[1] === 'not in back office; non-compliant'))
  })

  it('sums License Usage Insights into the partner summary: editions, paid and free users, license servers', async () => {
    const result = await runBin(['license', 'summary', '--view', 'partner-onprem', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {summary} = JSON.parse(result.stdout) as {
      summary: {
        totalUsers: number
        paidUsers: number
        freeUsers: number
        licenseServers: number
        editions: Array<{edition: string}>
      }
    }
    assert.equal(summary.totalUsers, summary.paidUsers + summary.freeUsers)
    assert.equal(summary.licenseServers, 9)
    assert.deepEqual(
      summary.editions.map((e) => e.edition),
      ['Premium', 'Base', 'VDI Edition'],
    )
    const table = await runBin(['license', 'summary', '--view', 'partner-onprem'], {env: suite.sandbox.env})
    assert.match(table.stdout, /Citrix Virtual Desktops Standard\s+\d+ users \(\d+ paid, \d+ free\)/)
  })
})
