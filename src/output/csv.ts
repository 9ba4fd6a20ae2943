import type {Column} from './table.js'

// The one CSV encoder of ctx: `--csv` lists and `license export --format csv` both go through csvRow.
// Written by hand rather than with csv-stringify: given a CRLF record delimiter, csv-stringify quotes
// only fields holding the whole CRLF, so a bare LF or CR split a record; and at export sizes (a million
// rows) its per-call option handling cost about five times what this loop does.

/** A formula character first, or a quote, comma, CR or LF anywhere: most cells have none and are copied. */
const needsCare = /^[=+\-@\t\r]|[",\r\n]/
/**
 * Where a spreadsheet would start a formula: the cell's start (= + - @, or a tab or CR, which some
 * strip first) and the start of every line inside the cell (= + - @ or tab after a CR or LF).
 */
const formulaStarts = /^(?=[=+\-@\t\r])|(?<=[\r\n])(?=[=+\-@\t])/g
/** RFC 4180: a field holding a quote, a comma, or any line break (CR, LF or both) is quoted. */
const mustQuote = /[",\r\n]/

/**
 * A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice for CSV
 * injection), and so does every line of it that would. Numbers and booleans are left alone.
 */
export function neutraliseFormula(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return String(value).replace(formulaStarts, "'")
}

/** One field: neutralised, then quoted (quotes doubled) when RFC 4180 asks for it. */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  const text = String(value)
  // One test for the common cell; the rare one that needs care pays for a second look.
  if (!needsCare.test(text)) return text
  const safe = text.replace(formulaStarts, "'")
  return mustQuote.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** One record, CRLF-terminated (RFC 4180). */
export function csvRow(values: readonly unknown[]): string {
  let line = ''
  for (let index = 0; index < values.length; index++) line += (index === 0 ? '' : ',') + csvCell(values[index])
  return `${line}\r\n`
}

/**
 * A whole list as RFC 4180 CSV, header first (even with no rows), every record CRLF-terminated: data, not the
 * table. Headers are the `--json` field names (`key`), cells the raw values (`data`: plain numbers, ISO-8601 UTC).
 */
export function renderCsv<Row>(columns: Array<Column<Row>>, rows: Row[]): string {
  let text = csvRow(columns.map((c) => c.key ?? c.header))
  for (const row of rows) text += csvRow(columns.map((c) => (c.data ?? c.value)(row)))
  return text
}
