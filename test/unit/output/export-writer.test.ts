import assert from 'node:assert/strict'
import {PassThrough} from 'node:stream'
import {describe, it} from 'mocha'

import {createRowWriter, type ExportColumn, type ExportFormat} from '../../../src/output/export-writer.js'
import {parseCsv} from '../../helpers/csv-parse.js'

interface Row {
  id: string
  name: string
  count: number
}

const columns: Array<ExportColumn<Row>> = [
  {header: 'id', value: (r) => r.id},
  {header: 'name', value: (r) => r.name},
  {header: 'count', value: (r) => r.count},
]

async function write(format: ExportFormat, pages: Row[][], options = {}): Promise<Buffer> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)))
  const writer = await createRowWriter(format, columns, sink, options)
  for (const page of pages) await writer.write(writer.encodePage(page))
  await writer.end()
  return Buffer.concat(chunks)
}

describe('export writers', () => {
  it('writes each NDJSON and JSON row as JSON.stringify writes the object, escapes and nulls included', async () => {
    const tricky: Row[] = [
      {id: 'quote " backslash \\ tab \t', name: 'line\u2028sep \u0000 é 😀', count: Number.NaN},
      {id: '', name: undefined as unknown as string, count: -0.5},
      {id: 'é 😀 \ud800 lone', name: 'plain text, é', count: 1e21},
    ]
    const expected = tricky.map((r) => JSON.stringify({id: r.id, name: r.name ?? null, count: r.count}))
    const ndjson = (await write('ndjson', [tricky])).toString('utf8')
    assert.equal(ndjson, expected.map((line) => `${line}\n`).join(''))
    const json = (await write('json', [tricky.slice(0, 1), tricky.slice(1)])).toString('utf8')
    assert.equal(json, `[\n${expected.join(',\n')}\n]\n`)
  })

  it('writes RFC 4180 CSV with CRLF, quoting and the header first', async () => {
    const text = (await write('csv', [[{id: 'a', name: 'O\'Brien, "Pat"', count: 3}]])).toString('utf8')
    assert.equal(text, 'id,name,count\r\na,"O\'Brien, ""Pat""",3\r\n')
  })

  it('neutralises CSV cells that a spreadsheet would run as a formula', async () => {
    const text = (
      await write('csv', [
        [
          {id: '=1+1', name: '@SUM(A1)', count: -5},
          {id: '+x', name: '-y', count: 1},
        ],
      ])
    ).toString('utf8')
    assert.equal(text.split('\r\n')[1], "'=1+1,'@SUM(A1),-5")
    assert.equal(text.split('\r\n')[2], "'+x,'-y,1")
  })

  it('quotes fields holding a bare LF, a bare CR or CRLF', async () => {
    const text = (
      await write('csv', [
        [
          {id: 'a\nb', name: 'c\rd', count: 1},
          {id: 'e\r\nf', name: 'g', count: 2},
        ],
      ])
    ).toString('utf8')
    assert.equal(text, 'id,name,count\r\n"a\nb","c\rd",1\r\n"e\r\nf",g,2\r\n')
  })

  it('parses back as one record per row, with every line of a cell neutralised', async () => {
    const names = ['two\nlines', 'x\n=1+1', 'y\r=1+1', 'z\r\n+cmd', 'w\n-2\n@SUM(A1)\n\tt', 'plain']
    const pages = [names.slice(0, 3), names.slice(3)].map((page) =>
      page.map((name, count) => ({id: `id-${name.length}`, name, count})),
    )
    const records = await parseCsv((await write('csv', pages)).toString('utf8'))
    assert.equal(records.length, names.length + 1)
    assert.deepEqual(
      records.slice(1).map((record) => record[1]),
      ['two\nlines', "x\n'=1+1", "y\r'=1+1", "z\r\n'+cmd", "w\n'-2\n'@SUM(A1)\n'\tt", 'plain'],
    )
  })

  it('starts the CSV with a UTF-8 byte order mark for Excel only when asked', async () => {
    assert.deepEqual([...(await write('csv', [[]], {excelBom: true})).subarray(0, 3)], [0xef, 0xbb, 0xbf])
    assert.equal((await write('csv', [])).toString('utf8'), 'id,name,count\r\n')
  })

  it('writes one JSON array across pages, and [] for no rows', async () => {
    const pages = [[{id: 'a', name: 'A', count: 1}], [{id: 'b', name: 'B', count: 2}]]
    assert.deepEqual(JSON.parse((await write('json', pages)).toString('utf8')), [
      {id: 'a', name: 'A', count: 1},
      {id: 'b', name: 'B', count: 2},
    ])
    assert.deepEqual(JSON.parse((await write('json', [[]])).toString('utf8')), [])
  })

  it('writes one JSON object a line for NDJSON, keys in column order', async () => {
    const text = (await write('ndjson', [[{count: 1, name: 'A', id: 'a'} as Row]])).toString('utf8')
    assert.equal(text, '{"id":"a","name":"A","count":1}\n')
  })

  it('writes an xlsx workbook whose first sheet holds the header and the rows', async () => {
    const bytes = await write('xlsx', [[{id: 'a', name: '=HYPERLINK("x")', count: 7}]], {sheetName: 'users'})
    const {default: ExcelJS} = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet('users')!
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['id', 'name', 'count'])
    assert.deepEqual((sheet.getRow(2).values as unknown[]).slice(1), ['a', '=HYPERLINK("x")', 7])
  })
})
