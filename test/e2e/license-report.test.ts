import assert from 'node:assert/strict'
import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'mocha'

import {formatCount} from '../../src/output/charts/usage-month.js'
import {dumpDom, ensureTestOutputDir, findChromium, screenshot, type BrowserRun} from '../helpers/chromium.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

/** For each view, a figure of `ctx license summary --json` and the label the report gives it. */
const views = [
  {view: 'enterprise', figure: 'used', label: 'Licenses used', partner: false},
  {view: 'partner-onprem', figure: 'totalUsers', label: 'Users', partner: true},
  {view: 'partner-daas', figure: 'licenses', label: 'Licenses', partner: true},
] as const

describe('e2e: ctx license report against the sandbox, opened in headless Chromium', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  before(async () => {
    findChromium()
    temp = useTempConfig()
    sandbox = await startTestSandbox()
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  for (const {view, figure, label, partner} of views) {
    describe(`the ${view} view`, () => {
      let htmlFile: string
      let result: {out: string; months: number; topCustomersByUse: number}
      let stderr: string
      let opened: BrowserRun

      before(async () => {
        htmlFile = join(ensureTestOutputDir(), `license-report-${view}.html`)
        const run = await runBin(['license', 'report', '--view', view, '--out', htmlFile, '--json'], {env: sandbox.env})
        assert.equal(run.code, 0, run.stderr)
        result = JSON.parse(run.stdout) as typeof result
        stderr = (await runBin(['license', 'report', '--view', view, '--out', htmlFile], {env: sandbox.env})).stderr
        opened = await dumpDom(htmlFile)
      })

      it('says where it wrote the report, on stderr and in the --json result', () => {
        assert.equal(result.out, htmlFile)
        assert.match(
          stderr,
          new RegExp(
            `Wrote the ${view} license report for \\d{4}-\\d{2} to \\d{4}-\\d{2} to .*license-report-${view}\\.html`,
          ),
        )
      })

      it('draws twelve months in the chart', () => {
        assert.equal(result.months, 12)
        assert.match(opened.stdout, /<svg data-testid="usage-chart"/)
        assert.equal(count(opened.stdout, /data-testid="chart-month"/g), 12)
        assert.match(opened.stdout, /data-testid="available-line"/)
      })

      it('shows the figures of ctx license summary', async () => {
        const summary = JSON.parse(
          (await runBin(['license', 'summary', '--view', view, '--json'], {env: sandbox.env})).stdout,
        ) as {summary: Record<string, number>}
        assert.ok(
          opened.stdout.includes(`<dt>${label}</dt><dd>${formatCount(summary.summary[figure]!)}</dd>`),
          `${label} = ${summary.summary[figure]}`,
        )
      })

      it(
        partner
          ? 'lists the top ten customers by use, and by overage where the view has overage'
          : 'lists the next expiry and no customers',
        () => {
          if (partner) {
            const byUse = opened.stdout.slice(opened.stdout.indexOf('data-testid="top-by-use"'))
            assert.equal(count(byUse.slice(0, byUse.indexOf('</section>')), /<td class="name">/g), 10)
            assert.equal(result.topCustomersByUse, 10)
            assert.equal(
              opened.stdout.includes('data-testid="top-by-overage"><h2>Top customers by overage</h2><table>'),
              view === 'partner-daas',
            )
          } else {
            assert.match(opened.stdout, /data-testid="expiries"><h2>Next expiries<\/h2><table>/)
            assert.ok(!opened.stdout.includes('data-testid="top-by-use"'))
          }
        },
      )

      it('made no network request', () => {
        assert.deepEqual(opened.pageRequests, [])
      })

      it('is saved as a screenshot under test-output, again without a network request', async () => {
        const png = join(ensureTestOutputDir(), `license-report-${view}.png`)
        const shot = await screenshot(htmlFile, png)
        assert.deepEqual(readFileSync(png).subarray(0, 8), pngSignature)
        assert.ok(statSync(png).size > 10_000, 'the screenshot has content')
        assert.deepEqual(shot.pageRequests, [])
      })
    })
  }
})
