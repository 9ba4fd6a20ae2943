import {renderCsv} from './csv.js'
import {renderTable, type Column} from './table.js'

/** A list as a table (terminal) or CSV (--csv); --json is handled by oclif from the command's result. */
export function renderList<Row>(columns: Array<Column<Row>>, rows: Row[], options: {csv?: boolean}): string {
  if (!options.csv) return renderTable(columns, rows)
  // The text goes to this.log, which adds a LF: leaving the last record's CR keeps every record
  // CRLF-terminated (trimming would also cut blanks ending the last field).
  return renderCsv(columns, rows).slice(0, -1)
}
