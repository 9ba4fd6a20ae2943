import assert from 'node:assert/strict'
import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {before, describe, it} from 'mocha'

import {renderLicenseReport} from '../../src/output/report/license-report.js'
import {enterpriseReport, partnerOnpremReport, partnerReport} from '../fixtures/report/sample-reports.js'
import {dumpDom, ensureTestOutputDir, findChromium, screenshot, type BrowserRun} from '../helpers/chromium.js'

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0

for (const input of [enterpriseReport, partnerReport, partnerOnpremReport]) {
  describe(`the ${input.view} HTML report opened in headless Chromium`, () => {
    const partner = input.view !== 'enterprise'
    let htmlFile: string
    let opened: BrowserRun

    before(async () => {
      findChromium()
      htmlFile = join(ensureTestOutputDir(), `report-${input.view}.html`)
      writeFileSync(htmlFile, renderLicenseReport(input))
      opened = await dumpDom(htmlFile)
    })

    it('draws the chart as an SVG with a bar group per month, the available line and a legend', () => {
      assert.match(opened.stdout, /<svg data-testid="usage-chart"/)
      assert.equal(count(opened.stdout, /data-testid="chart-month"/g), input.months.length)
      assert.match(opened.stdout, /data-testid="available-line"/)
      assert.match(opened.stdout, /data-testid="chart-legend"/)
    })

    it('shows every summary figure', () => {
      assert.equal(count(opened.stdout, /data-testid="summary-figure"/g), input.summary.length)
      for (const {label} of input.summary) assert.ok(opened.stdout.includes(`<dt>${label}</dt>`), label)
    })

    it('lists the next expiries', () => {
      assert.ok(input.expiries?.length, 'the sample has expiries')
      for (const {date} of input.expiries) assert.ok(opened.stdout.includes(`<td>${date}</td>`), date)
    })

    it(partner ? 'lists the top customers by use and by overage' : 'has no customer tables', () => {
      assert.equal(opened.stdout.includes('data-testid="top-by-use"'), partner)
      assert.equal(opened.stdout.includes('data-testid="top-by-overage"'), partner)
    })

    if (partner) {
      it('shows a customer named like a script as text, with no script element in the page', () => {
        assert.ok(opened.stdout.includes('&lt;script&gt;alert("pwned")&lt;/script&gt;'))
        assert.doesNotMatch(opened.stdout, /<script/i)
      })
    }

    it('made no network request', () => {
      assert.deepEqual(opened.pageRequests, [])
    })

    it('is saved as a screenshot under test-output, again without a network request', async () => {
      const png = join(ensureTestOutputDir(), `report-${input.view}.png`)
      const shot = await screenshot(htmlFile, png)
      assert.deepEqual(readFileSync(png).subarray(0, 8), pngSignature)
      assert.ok(statSync(png).size > 10_000, 'the screenshot has content')
      assert.deepEqual(shot.pageRequests, [])
    })
  })
}
