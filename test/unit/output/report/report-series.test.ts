import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {renderLicenseReport} from '../../../../src/output/report/license-report.js'
import {renderUsageSvg} from '../../../../src/output/report/usage-svg.js'
import {partnerOnpremReport, partnerReport} from '../../../fixtures/report/sample-reports.js'

const legendOf = (svg: string) => [...svg.matchAll(/class="legend"[^>]*>([^<]+)</g)].map((m) => m[1])
const within = {month: '2026-01', assignedUsers: 500, assignedDevices: 100, available: 700}

describe('report chart series named by the view', () => {
  it('names the three series in the legend and the tooltips', () => {
    const svg = renderUsageSvg([within], {users: 'Paid users', devices: 'Free users', available: 'Total users'})
    assert.deepEqual(legendOf(svg), ['Paid users', 'Free users', 'Total users'])
    assert.ok(svg.includes('<title>2026-01: 500 paid users, 100 free users, 700 total users</title>'))
  })

  it('leaves devices out of the legend, tooltips and table when the view has no such series', () => {
    const html = renderLicenseReport({...partnerReport, series: {users: 'Users', available: 'Licenses'}})
    const table = html.slice(html.indexOf('data-testid="months-table"'))
    assert.deepEqual(legendOf(html).slice(0, 2), ['Users', 'Licenses'])
    assert.doesNotMatch(table.slice(0, table.indexOf('</thead>')), /Devices|Total/)
    assert.doesNotMatch(html, /devices/i)
  })

  it('has no over-use entry in the legend when no month is over', () => {
    assert.deepEqual(legendOf(renderUsageSvg([within])), ['Users', 'Devices', 'Available'])
  })

  it('says the partner figures carry no expiry dates when there are none to give', () => {
    assert.match(
      renderLicenseReport({...partnerReport, expiries: null}),
      /data-testid="expiries"><h2>Next expiries<\/h2><p class="empty">The partner figures carry no expiry dates\.<\/p>/,
    )
  })

  it('has no overage table when the view gives no overage', () => {
    const html = renderLicenseReport({...partnerOnpremReport, topCustomersByOverage: undefined})
    assert.ok(html.includes('data-testid="top-by-use"'))
    assert.ok(!html.includes('data-testid="top-by-overage"'))
  })
})
