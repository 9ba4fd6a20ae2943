import Table from 'cli-table3'

import {colorEnabled, paint} from './colors.js'

export interface Column<Row> {
  header: string
  value: (row: Row) => string | number | boolean | undefined | null
}

/** A plain table for a terminal; `--json` and `--csv` never go through here. */
export function renderTable<Row>(columns: Array<Column<Row>>, rows: Row[]): string {
  const table = new Table({
    head: columns.map((c) => (colorEnabled() ? paint.bold(c.header) : c.header)),
    style: {head: [], border: []},
    chars: {mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': ''},
  })
  for (const row of rows) table.push(columns.map((c) => String(c.value(row) ?? '')))
  return table.toString()
}

/** Label: value lines, the labels aligned. */
export function renderFields(fields: Array<[string, string | number | undefined]>): string {
  const width = Math.max(...fields.map(([label]) => label.length))
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value ?? '-'}`).join('\n')
}
