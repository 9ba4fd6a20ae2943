import {stringify} from 'csv-stringify/sync'

import type {Column} from './table.js'

/**
 * A cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
 * gets a leading apostrophe (OWASP's advice for CSV injection). Numbers are left alone.
 */
export function neutraliseFormula(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = String(value)
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** A whole list as RFC 4180 CSV (CRLF line ends, quotes where needed), header first. */
export function renderCsv<Row>(columns: Array<Column<Row>>, rows: Row[]): string {
  return stringify(
    [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => neutraliseFormula(c.value(row))))],
    {record_delimiter: '\r\n'},
  )
}
