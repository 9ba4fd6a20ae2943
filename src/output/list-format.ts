import {renderCsv} from './csv.js'
import {renderTable, type Column} from './table.js'

export interface ListOptions {
  csv?: boolean
  /** The whole table, whatever the terminal's width. */
  wide?: boolean
  /** Where to say that columns were shortened or dropped to fit (stderr, through the command's note). */
  note?: (message: string) => void
}

/** A list as a table (terminal) or CSV (--csv); --json is handled by oclif from the command's result. */
export function renderList<Row>(columns: Array<Column<Row>>, rows: Row[], options: ListOptions): string {
  if (options.csv) {
    // The text goes to this.log, which adds a LF: leaving the last record's CR keeps every record
    // CRLF-terminated (trimming would also cut blanks ending the last field).
    return renderCsv(columns, rows).slice(0, -1)
  }
  return renderTable(columns, rows, {
    width: options.wide ? Number.POSITIVE_INFINITY : undefined,
    onNarrowed({width, shortened, dropped}) {
      const what = [
        dropped.length > 0 ? `${dropped.join(', ')} hidden` : '',
        shortened.length > 0 ? `${shortened.join(', ')} shortened` : '',
      ]
        .filter(Boolean)
        .join('; ')
      options.note?.(`Fitted to ${width} columns (${what}): --wide for the whole table, --json or --csv for the data.`)
    },
  })
}
