import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

/** Rows between two full collections of a streaming command (20 pages of 1,000 users). */
const rowsPerCollection = 20_000

export interface StreamingHeap {
  /** Says how many rows are written so far (after each page): every 20,000, with the next page, V8 starts a collection of its whole heap. */
  rowsWritten(rows: number): void
}

/**
 * Keeps the heap of a command that streams for a long time (an export of a million rows) about the size it
 * has at the start. Two settings, both of V8, made while the process runs:
 *
 * - The young generation stays at its size now. V8 doubles that space whenever enough objects survive its
 *   collections, up to 32 MB, and a streaming export always has a page in flight that survives some: over
 *   a long export the space grows to its largest. Measured at 1,000,000 users: peak RSS 141 MB by default,
 *   99 MB kept small, for about 7% more CPU time in collections. V8 reads the growth factor each time it
 *   would grow the space, so setting it now takes effect; `--max-semi-space-size` would not.
 * - The whole heap is collected every 20,000 rows. A page alive at a young collection is promoted, and V8
 *   lets such garbage fill the old generation for a long while before a full collection: peak RSS at
 *   1,000,000 users went from 115 to 92 MB, close to the 80 MB of 10,000, and the export took no longer
 *   (the live heap is about 14 MB: a collection is quick, and the export mostly waits for the next page).
 *   `--expose-gc` set now makes `gc` a global of contexts made after it.
 */
export function keepStreamingHeapSmall(): StreamingHeap {
  setFlagsFromString('--semi-space-growth-factor=1')
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as (options: {type: 'major'; execution: 'async'}) => void
  let collectedAt = 0
  let due = false
  return {
    rowsWritten(rows) {
      // A collection falls due at 20,000 rows and starts with the next page: one started after the last
      // page would only delay the end of the command (by 10–20 ms, measured at 100,000 rows).
      if (due) {
        due = false
        // Marked in steps between the export's own work rather than in one pause of about 13 ms.
        gc({type: 'major', execution: 'async'})
      }
      if (rows - collectedAt < rowsPerCollection) return
      collectedAt = rows
      due = true
    },
  }
}

/**
 * Puts back V8's defaults for the flags above (a growth factor of 2 on Node 20, 22 and 24: `node
 * --v8-options`). V8 hashes its flags into a code cache and rejects one made under other flags:
 * src/cli/code-cache.ts calls this before it writes the cache at exit, or the cache written after an
 * export would never load.
 */
export function restoreDefaultV8Flags(): void {
  setFlagsFromString('--semi-space-growth-factor=2')
  setFlagsFromString('--no-expose-gc')
}
