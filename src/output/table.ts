import Table from 'cli-table3'
import {stripVTControlCharacters} from 'node:util'

import {colorEnabled, paint} from './colors.js'

type Cell = string | number | boolean | undefined | null

export interface Column<Row> {
  /** The table's heading, for a person. */
  header: string
  /** The CSV header: the name of the same field in `--json`. Without it, CSV uses `header`. */
  key?: string
  /** The cell on a terminal (numbers get thousands separators, times their zone). */
  value: (row: Row) => Cell
  /** The cell in CSV when it differs from the terminal's: raw numbers, ISO-8601 UTC times. */
  data?: (row: Row) => Cell
  /**
   * How readily the column gives way on a narrow terminal: none (or 0) is never dropped; the higher the
   * number, the sooner it is shortened (when `shrink` allows) or dropped.
   */
  priority?: number
  /** The column may be shortened (with `…`) to this width before it is dropped: ids, host names. */
  shrink?: number
  /** Colour for a cell that needs attention (applied after fitting; off under NO_COLOR and in pipes). */
  paint?: (row: Row) => ((text: string) => string) | undefined
  /** Shortened, the column wraps its text onto more lines instead of cutting it (a message, a detail). */
  wrap?: boolean
  /** A field that CSV carries and the table leaves out (it shows within another column). */
  csvOnly?: boolean
}

export interface TableOptions {
  /** The width to fit; `Infinity` (or `wide`) for the whole table. Default: `terminalWidth()`. */
  width?: number
  /** Told which columns were shortened or dropped, so that the command can say how to see them whole. */
  onNarrowed?: (narrowed: {width: number; shortened: string[]; dropped: string[]}) => void
}

/**
 * The width a table must fit: the terminal's columns, or `COLUMNS` when set (tests, `COLUMNS=80 ctx … | less`).
 * A pipe or file with no `COLUMNS` gets the whole table (as az does): a script must not lose columns.
 */
export function terminalWidth(stream: {isTTY?: boolean; columns?: number} = process.stdout, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10)
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : Number.POSITIVE_INFINITY
}

// East Asian wide and full-width characters and emoji take two cells. (string-width, already in the tree
// through cli-table3, does the same in full; this covers what Citrix names hold without a new dependency.)
const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u

/** The cells a text takes on a terminal, colour codes aside. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of stripVTControlCharacters(text)) width += wide.test(char) ? 2 : 1
  return width
}

/** The text cut to `width` cells, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let out = ''
  let used = 0
  for (const char of stripVTControlCharacters(text)) {
    const w = wide.test(char) ? 2 : 1
    if (used + w > width - 1) break
    out += char
    used += w
  }
  return `${out}…`
}

/** `│ a │ b │`: three cells per column and one more. */
const tableWidth = (widths: number[]) => widths.reduce((sum, w) => sum + w + 3, 1)

/**
 * Which columns to show and at what width: the least useful (highest priority number) give way first,
 * shortened down to their `shrink` width when they may be, else dropped; columns without a priority stay.
 */
function fit<Row>(columns: Array<Column<Row>>, natural: number[], limit: number) {
  const widths: Array<number | undefined> = [...natural]
  const excess = () => tableWidth(widths.filter((w): w is number => w !== undefined)) - limit
  const least = (column: Column<Row>) => Math.max(column.shrink ?? 0, displayWidth(column.header))
  const order = columns.map((c, index) => ({index, priority: c.priority ?? 0})).filter((c) => c.priority > 0).sort((a, b) => b.priority - a.priority || b.index - a.index)
  // First the least useful give way: shortened when they may be, else dropped.
  for (const {index} of order) {
    if (excess() <= 0) return widths
    const column = columns[index]!
    widths[index] = column.shrink === undefined ? undefined : Math.max(least(column), natural[index]! - excess())
  }
  // Then the columns that always stay but may shrink give what they can.
  for (const [index, column] of columns.entries()) {
    if (excess() <= 0) return widths
    if (!column.priority && column.shrink !== undefined) widths[index] = Math.max(least(column), widths[index]! - excess())
  }
  // Then the shortened ones go too, least useful first (past that, the terminal wraps the rest).
  for (const {index} of order) {
    if (excess() <= 0) break
    widths[index] = undefined
  }
  // What a dropped column freed goes back to the shortened ones, the most useful first.
  for (const index of [...columns.keys()].sort((a, b) => (columns[a]!.priority ?? 0) - (columns[b]!.priority ?? 0))) {
    if (excess() >= 0) break
    if (widths[index] !== undefined) widths[index] = Math.min(natural[index]!, widths[index]! - excess())
  }
  return widths
}

/** A plain table for a terminal, fitted to its width; `--json` and `--csv` never go through here. */
export function renderTable<Row>(allColumns: Array<Column<Row>>, rows: Row[], options: TableOptions = {}): string {
  const columns = allColumns.filter((c) => !c.csvOnly)
  const cells = rows.map((row) => columns.map((c) => String(c.value(row) ?? '')))
  const natural = columns.map((c, index) => Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[index]!))))
  const limit = options.width ?? terminalWidth()
  const widths = tableWidth(natural) > limit ? fit(columns, natural, limit) : natural
  const kept = columns.flatMap((c, index) => (widths[index] === undefined ? [] : [index]))
  const shortened = kept.filter((index) => widths[index]! < natural[index]!)
  if (kept.length < columns.length || shortened.length > 0) {
    options.onNarrowed?.({
      width: limit,
      shortened: shortened.map((index) => columns[index]!.header),
      dropped: columns.filter((_, index) => widths[index] === undefined).map((c) => c.header),
    })
  }
  const wrapped = (index: number) => columns[index]!.wrap === true && widths[index]! < natural[index]!
  const table = new Table({
    head: kept.map((index) => (colorEnabled() ? paint.bold(columns[index]!.header) : columns[index]!.header)),
    // compact: the rule under the header only, no rule between rows.
    style: {head: [], border: [], compact: true},
    // A wrapping column gets its width (and the cell padding); the others are sized by their (cut) text.
    ...(kept.some(wrapped) ? {wordWrap: true, colWidths: kept.map((index) => (wrapped(index) ? widths[index]! + 2 : null))} : {}),
  })
  for (const [rowIndex, row] of rows.entries()) {
    table.push(
      kept.map((index) => {
        const text = wrapped(index) ? cells[rowIndex]![index]! : truncate(cells[rowIndex]![index]!, widths[index]!)
        const colour = colorEnabled() ? columns[index]!.paint?.(row) : undefined
        return colour ? colour(text) : text
      }),
    )
  }
  return table.toString()
}

/** Label: value lines, the labels aligned. */
export function renderFields(fields: Array<[string, string | number | undefined]>): string {
  const width = Math.max(...fields.map(([label]) => label.length))
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value ?? '-'}`).join('\n')
}
