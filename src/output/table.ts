import {colorEnabled, paint} from './colors.js'
import {cellText, terminalText} from './terminal-text.js'

export interface Column<Row> {
  header: string
  value: (row: Row) => string | number | boolean | undefined | null
  /** Colour for the cell, applied after its text is cleaned (a value never carries escape sequences). */
  style?: (row: Row) => ((text: string) => string) | undefined
}

// eslint-disable-next-line no-control-regex
const colorCodes = /\u001B\[[0-9;]*m/g

/** Columns a character takes on a terminal: 2 for East Asian wide and emoji, 0 for combining marks. */
function charWidth(code: number): number {
  if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f)) return 0
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
  ) return 2
  return 1
}

/** The width of a cell on a terminal, its colour codes left out. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text.replace(colorCodes, '')) width += charWidth(char.codePointAt(0)!)
  return width
}

/**
 * A plain table for a terminal; `--json` and `--csv` never go through here. Every cell is cleaned of
 * control characters (a host name may carry an OSC title or a screen clear): see terminal-text.ts.
 * Drawn here in one pass over the rows, as cli-table3 drew it (a box, no rules between rows), since
 * cli-table3's layout takes time quadratic in the rows: 20,000 rows took 50 s (issue 15, item 19).
 */
export function renderTable<Row>(columns: Array<Column<Row>>, rows: Row[]): string {
  const cells = rows.map((row) =>
    columns.map((c) => {
      const text = cellText(c.value(row))
      const style = c.style?.(row)
      return {text: style ? style(text) : text, width: displayWidth(text)}
    }),
  )
  const head = columns.map((c) => ({text: colorEnabled() ? paint.bold(c.header) : c.header, width: displayWidth(c.header)}))
  const widths = head.map((cell) => cell.width)
  for (const line of cells) line.forEach((cell, index) => (widths[index] = Math.max(widths[index]!, cell.width)))
  const rule = (left: string, middle: string, right: string) => left + widths.map((width) => '─'.repeat(width + 2)).join(middle) + right
  const line = (cellsOfLine: Array<{text: string; width: number}>) =>
    '│' + cellsOfLine.map((cell, index) => ` ${cell.text}${' '.repeat(widths[index]! - cell.width)} `).join('│') + '│'
  return [rule('┌', '┬', '┐'), line(head), ...cells.map(line), rule('└', '┴', '┘')].join('\n')
}

/** Label: value lines, the labels aligned; a value keeps ctx's own colour, nothing else. */
export function renderFields(fields: Array<[string, string | number | undefined]>): string {
  const width = Math.max(...fields.map(([label]) => label.length))
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value === undefined ? '-' : terminalText(String(value), {keepColor: true})}`).join('\n')
}
