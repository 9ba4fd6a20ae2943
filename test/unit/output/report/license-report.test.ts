import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {renderLicenseReport, type LicenseReportInput} from '../../../../src/output/report/license-report.js'
import {enterpriseReport, partnerOnpremReport, partnerReport} from '../../../fixtures/report/sample-reports.js'

const markup = '<script>alert(1)</script>'
const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;'

const hostile: LicenseReportInput = {
  ...partnerReport,
  title: markup,
  summary: [{label: markup, value: markup}],
  months: [{month: markup, assignedUsers: 1, assignedDevices: 1, available: 1}],
  expiries: [{date: markup, count: 1, daysLeft: 1}],
  topCustomersByUse: [{name: markup, value: 1}],
  topCustomersByOverage: [{name: `"><img src=x onerror=alert(1)>`, value: 1}],
}

describe('renderLicenseReport', () => {
  it('writes one HTML document with its styles inline', () => {
    const html = renderLicenseReport(enterpriseReport)
    assert.match(html, /^<!doctype html>/)
    assert.equal(html.match(/<style>/g)?.length, 1)
    assert.doesNotMatch(html, /<link|<script|@import|@font-face/i)
  })

  it('forbids the page every load but inline styles and data: images', () => {
    assert.match(
      renderLicenseReport(enterpriseReport),
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
    )
  })

  for (const input of [enterpriseReport, partnerReport, partnerOnpremReport]) {
    it(`refers to no URL at all in the ${input.view} view`, () => {
      assert.doesNotMatch(renderLicenseReport(input), /https?:|\/\/|\b(src|href|xlink:href)\s*=|url\(/i)
    })
  }

  it('escapes every text it is given, title, figures, months, expiries and customers', () => {
    const html = renderLicenseReport(hostile)
    assert.doesNotMatch(html, /<script|<img/i)
    assert.ok(html.includes(`<title>${escaped}</title>`))
    assert.ok(html.includes(`<dt>${escaped}</dt><dd>${escaped}</dd>`))
    assert.ok(html.includes(`<td class="name">${escaped}</td>`))
    assert.ok(html.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'))
    // <title>, <h1>, figure label and value, the month in the chart (data-month, tooltip, axis) and table, expiry, customer
    assert.equal(html.split(escaped).length - 1, 10)
  })

  it('marks the chart and each figure for a browser test to find', () => {
    const html = renderLicenseReport(enterpriseReport)
    assert.match(html, /<svg data-testid="usage-chart"/)
    assert.equal(html.match(/data-testid="summary-figure"/g)?.length, enterpriseReport.summary.length)
  })

  it('writes numeric figures with thousands separators and text figures as given', () => {
    const html = renderLicenseReport({
      ...enterpriseReport,
      summary: [
        {label: 'Users', value: 1234567},
        {label: 'Edition', value: 'Premium'},
      ],
    })
    assert.ok(html.includes('<dd>1,234,567</dd>'))
    assert.ok(html.includes('<dd>Premium</dd>'))
  })

  it('names the view and when the report was made', () => {
    const html = renderLicenseReport(partnerOnpremReport)
    assert.match(
      html,
      /Partner — on-premises Virtual Apps and Desktops · generated <time datetime="2026-11-24T08:05:00Z">2026-11-24 08:05 UTC<\/time>/,
    )
  })

  it('highlights the expiries due within 30 days', () => {
    const html = renderLicenseReport(enterpriseReport)
    assert.match(html, /<tr class="soon"><td>2026-12-15<\/td>/)
    assert.match(html, /<tr><td>2027-02-01<\/td>/)
  })

  it('says when no licenses are due to expire', () => {
    assert.match(renderLicenseReport({...enterpriseReport, expiries: []}), /No licenses due to expire\./)
  })

  it('shows the top customers by use and by overage in partner views, in the order given', () => {
    const html = renderLicenseReport(partnerReport)
    const byUse = html.slice(html.indexOf('data-testid="top-by-use"'), html.indexOf('data-testid="top-by-overage"'))
    assert.ok(byUse.indexOf('Globex Industries') < byUse.indexOf('Initech &amp; Partners'))
    assert.match(html, /data-testid="top-by-overage"><h2>Top customers by overage<\/h2>/)
  })

  it('says when a partner view has no customers to show', () => {
    const html = renderLicenseReport({...partnerReport, topCustomersByUse: undefined, topCustomersByOverage: []})
    assert.equal(html.match(/No customers to show\./g)?.length, 2)
  })

  it('leaves the customer tables out of the enterprise view even when given some', () => {
    const html = renderLicenseReport({...enterpriseReport, topCustomersByUse: [{name: 'Globex', value: 1}]})
    assert.doesNotMatch(html, /top-by-use|Globex/)
  })

  it('lists the figures of each month, the overage where there is one', () => {
    const html = renderLicenseReport({
      ...enterpriseReport,
      months: [{month: '2026-10', assignedUsers: 1300, assignedDevices: 400, available: 1500}],
    })
    assert.ok(
      html.includes(
        '<tr><td>2026-10</td><td class="number">1,300</td><td class="number">400</td><td class="number">1,700</td><td class="number">1,500</td><td class="number over">200</td></tr>',
      ),
    )
  })
})
