import {once} from 'node:events'
import {PassThrough, type Writable} from 'node:stream'

import {csvRow} from './csv.js'

// Streaming writers for exports: each page of rows is turned into bytes and written at once,
// waiting for the destination to drain, so memory stays flat however many rows there are.

export const exportFormats = ['csv', 'json', 'ndjson', 'xlsx'] as const
export type ExportFormat = (typeof exportFormats)[number]

/** A column of an export: its header (also the JSON key) and how to read it from a row. */
export interface ExportColumn<Row> {
  header: string
  value: (row: Row) => string | number | null | undefined
}

/**
 * A page is encoded, then written: the export encodes each page the moment it arrives, even while the page
 * before is still being written, so that the parsed rows are garbage at once rather than objects waiting for
 * the disk. Pages are encoded in order.
 */
export interface RowWriter<Row> {
  /**
   * The page's bytes (CSV, NDJSON, a stretch of the JSON array); xlsx hands the rows to its zip and returns
   * none. Bytes, not the text: a string built row by row holds every cell it was built from until written.
   */
  encodePage(rows: Row[]): Buffer
  /** Writes a page's bytes, waiting for the destination to drain. */
  write(bytes: Buffer): Promise<void>
  /** Writes what closes the document (`]`, the xlsx zip); the destination itself stays open. */
  end(): Promise<void>
}

export interface WriterOptions {
  /** CSV only: a UTF-8 byte order mark, so that Excel reads the file as UTF-8. */
  excelBom?: boolean
  sheetName?: string
}

/** Writes a chunk, waiting for 'drain' when the destination's buffer is full. */
export async function writeChunk(sink: Writable, chunk: string | Buffer): Promise<void> {
  if (chunk.length > 0 && !sink.write(chunk)) await once(sink, 'drain')
}

/**
 * A row as a JSON object's text, keys in column order: what JSON.stringify makes of {header: value ?? null},
 * without building the object (a million of them cost about a third of the encoding).
 */
function jsonObjectEncoder<Row>(columns: Array<ExportColumn<Row>>): (row: Row) => string {
  const keys = columns.map((column, index) => `${index ? ',' : '{'}${JSON.stringify(column.header)}:`)
  return (row) => {
    let text = ''
    for (let index = 0; index < columns.length; index++) text += keys[index] + jsonValue(columns[index]!.value(row))
    return `${text || '{'}}`
  }
}

// What JSON.stringify would escape in a string: quotes, backslashes, control characters and (lone) surrogates.
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const needsEscape = /["\\\u0000-\u001f\ud800-\udfff]/
/** A cell as JSON: most are plain text, written between quotes as they are (a fifth faster than JSON.stringify). */
function jsonValue(value: string | number | null | undefined): string {
  return typeof value === 'string' && !needsEscape.test(value) ? `"${value}"` : JSON.stringify(value ?? null)
}

function csvWriter<Row>(columns: Array<ExportColumn<Row>>, sink: Writable, options: WriterOptions): RowWriter<Row> {
  let started = false
  const writer: RowWriter<Row> = {
    encodePage(rows) {
      // A page becomes one string and one write: far fewer writes than rows, with flat memory.
      let chunk = started ? '' : (options.excelBom ? '\uFEFF' : '') + csvRow(columns.map((c) => c.header))
      started = true
      for (const row of rows) chunk += csvRow(columns.map((c) => c.value(row)))
      return Buffer.from(chunk)
    },
    write: (bytes) => writeChunk(sink, bytes),
    async end() {
      if (!started) await writer.write(writer.encodePage([]))
    },
  }
  return writer
}

function ndjsonWriter<Row>(columns: Array<ExportColumn<Row>>, sink: Writable): RowWriter<Row> {
  const encode = jsonObjectEncoder(columns)
  return {
    encodePage: (rows) => Buffer.from(rows.map((row) => `${encode(row)}\n`).join('')),
    write: (bytes) => writeChunk(sink, bytes),
    async end() {},
  }
}

/** One JSON array, written element by element: never the whole document in memory. */
function jsonWriter<Row>(columns: Array<ExportColumn<Row>>, sink: Writable): RowWriter<Row> {
  const encode = jsonObjectEncoder(columns)
  let count = 0
  return {
    encodePage(rows) {
      if (rows.length === 0) return Buffer.alloc(0)
      const body = rows.map(encode).join(',\n')
      const bytes = Buffer.from(`${count === 0 ? '[\n' : ',\n'}${body}`)
      count += rows.length
      return bytes
    },
    write: (bytes) => writeChunk(sink, bytes),
    end: () => writeChunk(sink, count === 0 ? '[]\n' : '\n]\n'),
  }
}

/** exceljs's streaming WorkbookWriter: each row is committed (written out) as it comes. */
async function xlsxWriter<Row>(
  columns: Array<ExportColumn<Row>>,
  sink: Writable,
  options: WriterOptions,
): Promise<RowWriter<Row>> {
  const {default: ExcelJS} = await import('exceljs')
  // exceljs ends the stream it writes to; a pass-through keeps the destination open for its owner.
  const zip = new PassThrough()
  zip.pipe(sink, {end: false})
  const zipDone = once(zip, 'end')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({stream: zip, useStyles: false, useSharedStrings: false})
  const sheet = workbook.addWorksheet(options.sheetName ?? 'export')
  sheet.addRow(columns.map((c) => c.header)).commit()
  return {
    encodePage(rows) {
      for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null)).commit()
      return Buffer.alloc(0)
    },
    async write() {
      // Let the zip stream flush to the destination before the next page.
      if (zip.readableLength > 0 || sink.writableNeedDrain) await new Promise<void>((resolve) => setImmediate(resolve))
      if (sink.writableNeedDrain) await once(sink, 'drain')
    },
    async end() {
      sheet.commit()
      await workbook.commit()
      await zipDone
    },
  }
}

export async function createRowWriter<Row>(
  format: ExportFormat,
  columns: Array<ExportColumn<Row>>,
  sink: Writable,
  options: WriterOptions = {},
): Promise<RowWriter<Row>> {
  if (format === 'csv') return csvWriter(columns, sink, options)
  if (format === 'ndjson') return ndjsonWriter(columns, sink)
  if (format === 'json') return jsonWriter(columns, sink)
  return xlsxWriter(columns, sink, options)
}
