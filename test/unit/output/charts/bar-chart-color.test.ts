import assert from 'node:assert/strict'
import {stripVTControlCharacters} from 'node:util'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {renderUsageChart} from '../../../../src/output/charts/bar-chart.js'
import {configureColor} from '../../../../src/output/colors.js'

const months = [
  {month: '2026-01', assignedUsers: 500, assignedDevices: 200, available: 1000},
  {month: '2026-02', assignedUsers: 900, assignedDevices: 300, available: 1000},
]
const red = '\u001B[31m'

describe('renderUsageChart colour', () => {
  beforeEach(() => configureColor({isTTY: true, env: {}}))
  afterEach(() => configureColor({noColor: true}))

  it('paints block glyphs when colour is on', () => {
    const chart = renderUsageChart(months, {color: true})
    assert.notEqual(chart, stripVTControlCharacters(chart))
    assert.match(stripVTControlCharacters(chart), /█+▒+/)
  })

  it('paints the over-use cells and the ! in red', () => {
    const overRow =
      renderUsageChart(months, {color: true})
        .split('\n')
        .find((line) => line.startsWith('2026-02')) ?? ''
    assert.ok(overRow.startsWith(`2026-02 ${red}!`))
    assert.match(overRow, new RegExp(`│\\u001B\\[39m${red.replace('[', '\\[')}▒+`))
  })

  it('follows whether colour is on when not told', async () => {
    assert.notEqual(renderUsageChart(months), stripVTControlCharacters(renderUsageChart(months)))
    await configureColor({noColor: true})
    assert.equal(renderUsageChart(months), renderUsageChart(months, {color: false}))
  })

  it('draws only plain ASCII, no escape codes, when colour is off even on a colour terminal', () => {
    const chart = renderUsageChart(months, {color: false})
    assert.match(chart, /^[\u0020-\u007E\n]+$/)
  })

  it('draws the same bars in both modes once the colour is stripped', () => {
    const barRows = (chart: string) => chart.split('\n').filter((line) => line.startsWith('2026-'))
    const asPlain = (line: string) =>
      stripVTControlCharacters(line).replaceAll('█', '#').replaceAll('▒', '=').replaceAll('│', '|')
    assert.deepEqual(
      barRows(renderUsageChart(months, {color: true})).map(asPlain),
      barRows(renderUsageChart(months, {color: false})),
    )
  })
})
