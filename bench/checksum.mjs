import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {createInterface} from 'node:readline'

// Rows and a checksum of the ids of an export, one reader per format: the same digest as the floor's
// (sha256 over each id and a newline), so that every file is compared with what the service sent.

async function* lines(path) {
  yield* createInterface({input: createReadStream(path), crlfDelay: Infinity})
}

/** Rows and a checksum of the first column (the ids) of a CSV file with a header, quoted or not. */
export async function csvIdChecksum(path) {
  const hash = createHash('sha256')
  let rows = 0
  let header = true
  for await (const line of lines(path)) {
    if (header || line === '') {
      header = false
      continue
    }
    rows++
    hash.update(`${line.slice(0, line.indexOf(',')).replaceAll('"', '')}\n`)
  }
  return {rows, checksum: hash.digest('hex')}
}

/** NDJSON: one object a line, each parsed. */
export async function ndjsonIdChecksum(path, key) {
  const hash = createHash('sha256')
  let rows = 0
  for await (const line of lines(path)) {
    if (line === '') continue
    rows++
    hash.update(`${JSON.parse(line)[key]}\n`)
  }
  return {rows, checksum: hash.digest('hex')}
}

/**
 * A JSON array as ctx writes it, one element a line between `[` and `]`: each element parsed, and the
 * brackets checked, without holding the whole document.
 */
export async function jsonIdChecksum(path, key) {
  const hash = createHash('sha256')
  let rows = 0
  let first
  let last
  for await (const line of lines(path)) {
    first ??= line
    if (line === '') continue
    last = line
    if (line === '[' || line === ']' || line === '[]') continue
    rows++
    hash.update(`${JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line)[key]}\n`)
  }
  if (!['[', '[]'].includes(first) || ![']', '[]'].includes(last)) throw new Error(`${path} is not one JSON array`)
  return {rows, checksum: hash.digest('hex')}
}

/** xlsx: the first column of the first sheet, header row skipped, read with exceljs's streaming reader. */
export async function xlsxIdChecksum(path) {
  const {default: ExcelJS} = await import('exceljs')
  const hash = createHash('sha256')
  let rows = 0
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {worksheets: 'emit', sharedStrings: 'cache'})
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue
      rows++
      hash.update(`${row.getCell(1).value}\n`)
    }
    break
  }
  return {rows, checksum: hash.digest('hex')}
}

/** The reader of a format; `key` is the id's field name in JSON. */
export function idChecksum(format, path, key) {
  if (format === 'csv') return csvIdChecksum(path)
  if (format === 'ndjson') return ndjsonIdChecksum(path, key)
  if (format === 'json') return jsonIdChecksum(path, key)
  return xlsxIdChecksum(path)
}
