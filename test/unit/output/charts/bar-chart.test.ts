import assert from 'node:assert/strict'
import {stripVTControlCharacters} from 'node:util'
import {describe, it} from 'mocha'

import {minChartWidth, renderUsageChart} from '../../../../src/output/charts/bar-chart.js'
import type {UsageMonth} from '../../../../src/output/charts/usage-month.js'

const month = (label: string, assignedUsers: number, assignedDevices: number, available: number): UsageMonth => ({
  month: label,
  assignedUsers,
  assignedDevices,
  available,
})

const year = Array.from({length: 12}, (_, i) =>
  month(`2026-${String(i + 1).padStart(2, '0')}`, 600 + i * 40, 200 + i * 15, 1200),
)

/** The bar rows of a plain chart, and each row's track (the cells between the marker column and the values). */
function barRows(chart: string): string[] {
  return chart.split('\n').filter((line) => /^\d{4}-\d{2} /.test(line))
}

function track(row: string): string {
  return row.slice(10).replace(/\s+[\d,]+ \/ [\d,]+(\s+\+[\d,]+)?$/, '')
}

/** The axis rule's width is the track's width. */
function trackWidth(chart: string): number {
  const rule = chart.split('\n').find((line) => /^\s+\+[-+]+\+$/.test(line))
  assert.ok(rule, 'the chart has an axis rule')
  return rule.trim().length
}

describe('renderUsageChart', () => {
  it('says there is nothing to draw when there are no months', () => {
    assert.equal(renderUsageChart([]), 'No license use recorded for these months.')
  })

  it('draws one bar row per month, in the order given', () => {
    assert.deepEqual(
      barRows(renderUsageChart(year)).map((row) => row.slice(0, 7)),
      year.map((m) => m.month),
    )
  })

  it('draws a single month', () => {
    assert.equal(barRows(renderUsageChart([month('2026-03', 10, 5, 20)])).length, 1)
  })

  it('labels the axis from 0 to the round scale maximum', () => {
    const labels = renderUsageChart(year).split('\n')[1] ?? ''
    assert.deepEqual(labels.trim().split(/\s+/), ['0', '500', '1,000', '1,500'])
  })

  it('fills the whole track for a month at the scale maximum', () => {
    const chart = renderUsageChart([month('2026-01', 600, 400, 1000)])
    assert.equal(track(barRows(chart)[0] ?? '').length, trackWidth(chart))
    assert.match(track(barRows(chart)[0] ?? ''), /^#+=+\|$/)
  })

  it('draws users and devices in proportion to the scale', () => {
    const chart = renderUsageChart([month('2026-01', 500, 250, 1000)])
    const bar = track(barRows(chart)[0] ?? '')
    const width = trackWidth(chart)
    assert.equal(bar.split('#').length - 1, Math.round(width / 2))
    assert.equal(bar.split('=').length - 1, Math.round((width * 3) / 4) - Math.round(width / 2))
  })

  it('puts the available mark on the cell its value reaches', () => {
    const chart = renderUsageChart([month('2026-01', 100, 0, 500), month('2026-02', 1000, 0, 1000)])
    const width = trackWidth(chart)
    assert.equal(track(barRows(chart)[0] ?? '').indexOf('|'), Math.round(width / 2) - 1)
  })

  it('keeps a tiny but non-zero use visible as one cell', () => {
    const bar = track(barRows(renderUsageChart([month('2026-01', 1, 1, 1_000_000)]))[0] ?? '')
    assert.equal(bar.split('#').length - 1, 1)
    assert.equal(bar.split('=').length - 1, 1)
  })

  it('draws zero data as empty bars on a 0 to 1 scale, nothing marked over', () => {
    const chart = renderUsageChart([month('2026-01', 0, 0, 0), month('2026-02', 0, 0, 0)])
    assert.deepEqual(chart.split('\n')[1]?.trim().split(/\s+/), ['0', '1'])
    for (const row of barRows(chart)) {
      assert.doesNotMatch(track(row), /[#=!]/)
      assert.match(row, /0 \/ 0$/)
    }
  })

  it('marks an over-use month with ! and its overage', () => {
    const row = barRows(renderUsageChart([month('2026-01', 900, 400, 1200)]))[0] ?? ''
    assert.equal(row.slice(8, 9), '!')
    assert.match(row, /1,300 \/ 1,200\s+\+100$/)
  })

  it('does not mark a month that uses exactly the licenses available', () => {
    const row = barRows(renderUsageChart([month('2026-01', 800, 400, 1200)]))[0] ?? ''
    assert.equal(row.slice(8, 9), ' ')
    assert.doesNotMatch(row, /\+/)
  })

  it('draws the over-use past the available mark', () => {
    assert.match(track(barRows(renderUsageChart([month('2026-01', 900, 400, 1200)]))[0] ?? ''), /^#+=+\|=+\s*$/)
  })

  it('writes very large numbers in full beside the bars and compactly on the axis', () => {
    const chart = renderUsageChart([month('2026-01', 12_345_678, 3_000_000, 15_000_000)])
    assert.deepEqual(chart.split('\n')[1]?.trim().split(/\s+/), ['0', '5M', '10M', '15M', '20M'])
    assert.match(chart, /15,345,678 \/ 15,000,000\s+\+345,678/)
  })

  it('has a legend naming the glyphs', () => {
    assert.match(renderUsageChart(year), /# users {2}= devices {2}\| available {2}! over available/)
  })
})

describe('renderUsageChart widths', () => {
  const longestLine = (chart: string) =>
    Math.max(...chart.split('\n').map((line) => stripVTControlCharacters(line).length))

  it('fits 80 columns by default', () => {
    assert.ok(longestLine(renderUsageChart(year)) <= 80)
  })

  it('fits every width from the minimum up, plain and in colour', () => {
    for (let width = minChartWidth; width <= 140; width += 7) {
      for (const color of [false, true])
        assert.ok(longestLine(renderUsageChart(year, {width, color})) <= width, `width ${width}, colour ${color}`)
    }
  })

  it('uses the room it is given', () => {
    assert.equal(longestLine(renderUsageChart(year, {width: 120})), 120)
  })

  it('drops the figures but keeps the over-use mark when the columns are too few for both', () => {
    const rows = barRows(renderUsageChart(year, {width: 30}))
    assert.doesNotMatch(rows.join('\n'), /\//)
    assert.equal(rows.filter((row) => row[8] === '!').length, 4)
  })

  it('draws narrower requests at the minimum width', () => {
    assert.equal(longestLine(renderUsageChart(year, {width: 10})), minChartWidth)
  })
})
