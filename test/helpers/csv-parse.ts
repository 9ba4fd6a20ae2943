import {parseString} from '@fast-csv/parse'

/**
 * Parses CSV with a real parser that, like spreadsheets, ends a record at CRLF, a bare LF or a bare
 * CR outside quotes: a field with an unquoted line break shows up as extra records. @fast-csv/parse
 * is already installed as a dependency of exceljs, so the tests need nothing new.
 */
export function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const records: string[][] = []
    parseString<string[], string[]>(text)
      .on('data', (record: string[]) => records.push(record))
      .on('end', () => resolve(records))
      .on('error', reject)
  })
}
