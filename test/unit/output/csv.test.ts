import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {neutraliseFormula} from '../../../src/output/csv.js'
import {renderList} from '../../../src/output/list-format.js'
import type {Column} from '../../../src/output/table.js'
import {parseCsv} from '../../helpers/csv-parse.js'

interface Row {
  name: string
  id: number
}

const columns: Array<Column<Row>> = [
  {header: 'Name', value: (r) => r.name},
  {header: 'Id', value: (r) => r.id},
]

/** What `this.log(renderList(…, {csv: true}))` puts on stdout. */
const printedCsv = (rows: Row[]) => `${renderList(columns, rows, {csv: true})}\n`

describe('CSV cells', () => {
  it('quotes a field holding a bare LF', () => {
    assert.equal(printedCsv([{name: 'a\nb', id: 1}]), 'Name,Id\r\n"a\nb",1\r\n')
  })

  it('quotes a field holding a bare CR', () => {
    assert.equal(printedCsv([{name: 'a\rb', id: 1}]), 'Name,Id\r\n"a\rb",1\r\n')
  })

  it('quotes a field holding CRLF', () => {
    assert.equal(printedCsv([{name: 'a\r\nb', id: 1}]), 'Name,Id\r\n"a\r\nb",1\r\n')
  })

  it('quotes a comma and doubles a quote', () => {
    assert.equal(printedCsv([{name: 'O\'Brien, "Pat"', id: 1}]), 'Name,Id\r\n"O\'Brien, ""Pat""",1\r\n')
  })

  it('keeps blanks at the end of the last field', () => {
    assert.equal(
      `${renderList([{header: 'Name', value: (r: Row) => r.name}], [{name: 'a  ', id: 1}], {csv: true})}\n`,
      'Name\r\na  \r\n',
    )
  })

  for (const start of ['=', '+', '-', '@', '\t']) {
    it(`neutralises a line inside a cell that starts with ${JSON.stringify(start)}`, () => {
      assert.equal(neutraliseFormula(`first\n${start}1+1`), `first\n'${start}1+1`)
      assert.equal(neutraliseFormula(`first\r${start}1+1`), `first\r'${start}1+1`)
      assert.equal(neutraliseFormula(`first\r\n${start}1+1`), `first\r\n'${start}1+1`)
    })
  }

  it('neutralises the cell start (tab and CR count there too), and leaves numbers alone', () => {
    assert.equal(neutraliseFormula('=1+1'), "'=1+1")
    assert.equal(neutraliseFormula('\r=1+1'), "'\r'=1+1")
    assert.equal(neutraliseFormula(-5), '-5')
    assert.equal(neutraliseFormula('a-b\nc=d'), 'a-b\nc=d')
  })

  it('parses back as one record per row, every line of every cell neutralised', async () => {
    const names = [
      'plain',
      'two\nlines',
      'bare\rcr',
      'crlf\r\nin it',
      'x\n=1+1',
      'y\r=1+1',
      '\n@SUM(A1)',
      'z\r\n+cmd',
      'quote "q", comma',
    ]
    const rows = names.map((name, id) => ({name, id}))
    const records = await parseCsv(printedCsv(rows))
    assert.equal(records.length, rows.length + 1)
    assert.deepEqual(
      records.slice(1).map(([name]) => name),
      names.map((name) => neutraliseFormula(name)),
    )
    for (const [name] of records.slice(1)) assert.doesNotMatch(name!, /(^|[\r\n])[=+\-@\t]/)
  })
})
