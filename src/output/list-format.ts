import {renderCsv} from './csv.js'
import {renderTable, type Column} from './table.js'

/** A list as a table (terminal) or CSV (--csv); --json is handled by oclif from the command's result. */
export function renderList<Row>(columns: Array<Column<Row>>, rows: Row[], options: {csv?: boolean}): string {
  return options.csv ? renderCsv(columns, rows).trimEnd() : renderTable(columns, rows)
}
