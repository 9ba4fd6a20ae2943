import {colorEnabled, paint} from './colors.js'
import {cellText, terminalText} from './terminal-text.js'

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
  /**
   * Colour for a cell that needs attention, applied after its text is cleaned and fitted (a value never
   * carries escape sequences of its own); off under NO_COLOR and in pipes.
   */
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
export function terminalWidth(
  stream: {isTTY?: boolean; columns?: number} = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10)
  if (stream.isTTY && stream.columns && stream.columns > 0) return stream.columns
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : Number.POSITIVE_INFINITY
}

// eslint-disable-next-line no-control-regex
const colorCodes = /\u001B\[[0-9;]*m/g

/** Columns a character takes on a terminal: 2 for East Asian wide and emoji, 0 for combining marks. */
function charWidth(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f))
    return 0
  if (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  )
    return 2
  return 1
}

/** The width of a text on a terminal, its colour codes left out. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text.replace(colorCodes, '')) width += charWidth(char.codePointAt(0)!)
  return width
}

/** The text cut to `width` cells, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let out = ''
  let used = 0
  for (const char of text.replace(colorCodes, '')) {
    const w = charWidth(char.codePointAt(0)!)
    if (used + w > width - 1) break
    out += char
    used += w
  }
  return `${out}…`
}

/** The text in lines of at most `width` cells, broken between words where it can be. */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    let rest = word
    while (displayWidth(rest) > width) {
      if (line) lines.push(line)
      line = ''
      const head = truncate(rest, width + 1).slice(0, -1)
      lines.push(head)
      rest = rest.slice(head.length)
    }
    const candidate = line ? `${line} ${rest}` : rest
    if (displayWidth(candidate) <= width) line = candidate
    else {
      lines.push(line)
      line = rest
    }
  }
  lines.push(line)
  return lines
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
  const order = columns
    .map((c, index) => ({index, priority: c.priority ?? 0}))
    .filter((c) => c.priority > 0)
    .sort((a, b) => b.priority - a.priority || b.index - a.index)
  // First the least useful give way: shortened when they may be, else dropped.
  for (const {index} of order) {
    if (excess() <= 0) return widths
    const column = columns[index]!
    widths[index] = column.shrink === undefined ? undefined : Math.max(least(column), natural[index]! - excess())
  }
  // Then the columns that always stay but may shrink give what they can.
  for (const [index, column] of columns.entries()) {
    if (excess() <= 0) return widths
    if (!column.priority && column.shrink !== undefined)
      widths[index] = Math.max(least(column), widths[index]! - excess())
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

/**
 * A table for a terminal, fitted to its width; `--json` and `--csv` never go through here. Every cell is
 * cleaned of control characters first (a host name may carry an OSC title or a screen clear: see
 * terminal-text.ts). Drawn in one pass over the rows (a box, a rule under the header, none between rows),
 * since cli-table3's layout takes time quadratic in the rows: 20,000 rows took 50 s (issue 15, item 19).
 */
export function renderTable<Row>(allColumns: Array<Column<Row>>, rows: Row[], options: TableOptions = {}): string {
  const columns = allColumns.filter((c) => !c.csvOnly)
  const cells = rows.map((row) => columns.map((c) => cellText(c.value(row))))
  const natural = columns.map((c) => displayWidth(c.header))
  for (const line of cells)
    line.forEach((text, index) => (natural[index] = Math.max(natural[index]!, displayWidth(text))))
  const limit = options.width ?? terminalWidth()
  const widths = tableWidth(natural) > limit ? fit(columns, natural, limit) : natural
  const kept = columns.flatMap((_, index) => (widths[index] === undefined ? [] : [index]))
  const shortened = kept.filter((index) => widths[index]! < natural[index]!)
  if (kept.length < columns.length || shortened.length > 0) {
    options.onNarrowed?.({
      width: limit,
      shortened: shortened.map((index) => columns[index]!.header),
      dropped: columns.filter((_, index) => widths[index] === undefined).map((c) => c.header),
    })
  }
  const width = (index: number) => widths[index]!
  const rule = (left: string, middle: string, right: string) =>
    left + kept.map((index) => '─'.repeat(width(index) + 2)).join(middle) + right
  const line = (texts: string[]) =>
    '│' +
    texts.map((text, k) => ` ${text}${' '.repeat(Math.max(width(kept[k]!) - displayWidth(text), 0))} `).join('│') +
    '│'
  const head = line(kept.map((index) => (colorEnabled() ? paint.bold(columns[index]!.header) : columns[index]!.header)))
  const body: string[] = []
  for (const [rowIndex, row] of rows.entries()) {
    // A wrapping column may need several lines; every other cell is cut to its width, then coloured.
    const parts = kept.map((index) => {
      const text = cells[rowIndex]![index]!
      const fitted =
        columns[index]!.wrap && displayWidth(text) > width(index)
          ? wrapText(text, width(index))
          : [truncate(text, width(index))]
      const colour = colorEnabled() ? columns[index]!.paint?.(row) : undefined
      return colour ? fitted.map((part) => colour(part)) : fitted
    })
    const height = Math.max(...parts.map((part) => part.length))
    for (let i = 0; i < height; i++) body.push(line(parts.map((part) => part[i] ?? '')))
  }
  return [rule('┌', '┬', '┐'), head, rule('├', '┼', '┤'), ...body, rule('└', '┴', '┘')].join('\n')
}

/** Label: value lines, the labels aligned; a value keeps ctx's own colour, nothing else. */
export function renderFields(fields: Array<[string, string | number | undefined]>): string {
  const width = Math.max(...fields.map(([label]) => label.length))
  return fields
    .map(
      ([label, value]) =>
        `${label.padEnd(width)}  ${value === undefined ? '-' : terminalText(String(value), {keepColor: true})}`,
    )
    .join('\n')
}
