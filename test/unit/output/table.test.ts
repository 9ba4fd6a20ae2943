import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {displayWidth, renderTable, terminalWidth, truncate, type Column} from '../../../src/output/table.js'

interface Row {
  host: string
  product: string
  version: string
  id: string
}

const rows: Row[] = [
  {
    host: 'ca-01.emea.corp.example',
    product: 'Connector Appliance',
    version: '2026.9.0',
    id: '8b3cbdf5-0057-4708-97c9-5f6653015710',
  },
  {
    host: 'ls-01.corp.example',
    product: 'License Server',
    version: '11.17.2',
    id: '57961f35-b44b-4242-b7ea-fb76be62ee26',
  },
]
const columns: Array<Column<Row>> = [
  {header: 'Host name', value: (r) => r.host, shrink: 12},
  {header: 'Product', value: (r) => r.product, priority: 2},
  {header: 'Version', value: (r) => r.version, priority: 4},
  {header: 'Id', value: (r) => r.id, priority: 3, shrink: 9},
]
const widest = (text: string) => Math.max(...text.split('\n').map((line) => displayWidth(line)))

describe('renderTable', () => {
  it('shows every column, with a rule under the header only, when the table fits', () => {
    const text = renderTable(columns, rows, {width: Number.POSITIVE_INFINITY})
    const lines = text.split('\n')
    assert.equal(lines.length, 6)
    assert.match(lines[2]!, /^├─+┼/)
    assert.match(text, /8b3cbdf5-0057-4708-97c9-5f6653015710/)
  })

  it('drops and shortens the least useful columns first to fit the width, and says which', () => {
    let narrowed: {shortened: string[]; dropped: string[]} | undefined
    const text = renderTable(columns, rows, {width: 72, onNarrowed: (n) => (narrowed = n)})
    assert.ok(widest(text) <= 72, text)
    assert.ok(!text.includes('Version'), text)
    assert.match(text, /Host name .*Product .*Id/)
    assert.match(text, /│ 8b3cbdf5-0057-4708-… │/)
    assert.deepEqual(narrowed?.dropped, ['Version'])
    assert.deepEqual(narrowed?.shortened, ['Id'])
  })

  it('keeps the columns with no priority at 40 columns, shortened as far as they may be', () => {
    const text = renderTable(columns, rows, {width: 40})
    assert.ok(widest(text) <= 40, text)
    assert.match(text, /Host name/)
    assert.ok(!text.includes('Product'))
  })

  it('wraps a column marked wrap instead of cutting it', () => {
    const detail: Array<Column<{name: string; message: string}>> = [
      {header: 'Check', value: (r) => r.name},
      {header: 'Detail', value: (r) => r.message, priority: 1, shrink: 10, wrap: true},
    ]
    const text = renderTable(
      detail,
      [{name: 'Config', message: 'the configuration file is readable and holds two profiles'}],
      {width: 40},
    )
    assert.ok(widest(text) <= 40, text)
    assert.match(text, /holds two/)
  })

  it('leaves out a csvOnly column', () => {
    const text = renderTable([...columns, {header: 'Service', value: () => 'X', csvOnly: true}], rows, {
      width: Number.POSITIVE_INFINITY,
    })
    assert.ok(!text.includes('Service'))
  })
})

describe('terminalWidth', () => {
  it("takes a terminal's columns, else COLUMNS, else no limit (a pipe gets the whole table)", () => {
    assert.equal(terminalWidth({isTTY: true, columns: 80}, {}), 80)
    assert.equal(terminalWidth({isTTY: false}, {COLUMNS: '100'}), 100)
    assert.equal(terminalWidth({isTTY: false}, {}), Number.POSITIVE_INFINITY)
  })
})

describe('displayWidth and truncate', () => {
  it('counts wide characters as two cells and ignores colour codes', () => {
    assert.equal(displayWidth('\u001B[31mab\u001B[39m'), 2)
    assert.equal(displayWidth('東京'), 4)
    assert.equal(truncate('abcdefgh', 5), 'abcd…')
    assert.equal(truncate('abc', 5), 'abc')
  })
})
