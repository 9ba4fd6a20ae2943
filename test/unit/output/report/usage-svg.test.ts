import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {renderUsageSvg} from '../../../../src/output/report/usage-svg.js'

const months = [
  {month: '2026-01', assignedUsers: 600, assignedDevices: 200, available: 1000},
  {month: '2026-02', assignedUsers: 900, assignedDevices: 250, available: 1000},
]
/** The y coordinates of the horizontal gridlines, keyed by their labels. */
function gridlines(svg: string): Map<string, number> {
  return new Map(
    [...svg.matchAll(/<line class="grid" [^>]*y1="([\d.]+)"[^>]*\/><text class="axis"[^>]*>([^<]+)<\/text>/g)].map(
      (m) => [m[2] ?? '', Number(m[1])],
    ),
  )
}

describe('renderUsageSvg', () => {
  it('draws a group per month with its users and devices bars and a tooltip', () => {
    const svg = renderUsageSvg(months)
    const groups = [
      ...svg.matchAll(
        /<g data-testid="chart-month" data-month="([^"]+)"[^>]*><title>([^<]+)<\/title>(<rect[^>]+\/>){2}/g,
      ),
    ]
    assert.deepEqual(
      groups.map((g) => g[1]),
      ['2026-01', '2026-02'],
    )
    assert.equal(groups[0]?.[2], '2026-01: 600 users, 200 devices, 1,000 available')
  })

  it('labels the y axis from 0 to the round scale maximum, top above bottom', () => {
    const lines = gridlines(renderUsageSvg(months))
    assert.deepEqual([...lines.keys()], ['0', '250', '500', '750', '1,000', '1,250'])
    assert.ok((lines.get('1,250') ?? 0) < (lines.get('0') ?? 0))
  })

  it('labels each month under its bar', () => {
    assert.match(
      renderUsageSvg(months),
      /<text class="axis" x="[\d.]+" y="[\d.]+" text-anchor="middle">2026-02<\/text>/,
    )
  })

  it('marks an over-use month and writes its overage above the bar', () => {
    const svg = renderUsageSvg(months)
    assert.match(svg, /data-month="2026-02" data-over="true"/)
    assert.doesNotMatch(svg, /data-month="2026-01" data-over/)
    assert.match(svg, /<text class="over"[^>]*>\+150<\/text>/)
  })

  it('draws the available licenses as a stepped line at their height', () => {
    const svg = renderUsageSvg(months)
    const y1000 = gridlines(svg).get('1,000')
    assert.match(svg, new RegExp(`data-testid="available-line" d="M64 ${y1000}H504V${y1000}H944"`))
  })

  it('has a legend for users, devices, available and over-use', () => {
    const legend = renderUsageSvg(months).split('data-testid="chart-legend"')[1] ?? ''
    assert.deepEqual(
      [...legend.matchAll(/class="legend"[^>]*>([^<]+)</g)].map((m) => m[1]),
      ['Users', 'Devices', 'Available', 'Over available'],
    )
  })

  it('abbreviates very large axis numbers', () => {
    assert.ok(
      gridlines(
        renderUsageSvg([{month: '2026-01', assignedUsers: 40_000_000, assignedDevices: 0, available: 50_000_000}]),
      ).has('50M'),
    )
  })

  it('draws no bar for a month without use, on a 0 to 1 scale', () => {
    const svg = renderUsageSvg([{month: '2026-01', assignedUsers: 0, assignedDevices: 0, available: 0}])
    assert.match(svg, /data-month="2026-01"><title>[^<]*<\/title><text/)
    assert.deepEqual([...gridlines(svg).keys()], ['0', '1'])
  })

  it('says there is nothing to draw when there are no months', () => {
    assert.match(
      renderUsageSvg([]),
      /<svg data-testid="usage-chart"[^>]*>.*No license use recorded for these months\.<\/text><\/svg>$/,
    )
  })
})
