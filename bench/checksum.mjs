import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {createInterface} from 'node:readline'

/** Rows and a checksum of the first column (the ids) of a CSV file with a header, quoted or not. */
export async function csvIdChecksum(path) {
  const hash = createHash('sha256')
  let rows = 0
  let header = true
  for await (const line of createInterface({input: createReadStream(path)})) {
    if (header || line === '') {
      header = false
      continue
    }
    rows++
    hash.update(`${line.slice(0, line.indexOf(',')).replaceAll('"', '')}\n`)
  }
  return {rows, checksum: hash.digest('hex')}
}
