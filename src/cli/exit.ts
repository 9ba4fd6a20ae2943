import type {Writable} from 'node:stream'

// Writes to a pipe are asynchronous in Node: what the pipe (64 KiB) cannot take at once waits in the
// process, and process.exit drops it. A reader slower than ctx (`ctx … --json | jq`) then got a cut
// report. So ctx ends only once stdout and stderr hold nothing more to write.

/** Resolves once `stream` has handed everything written so far to the system, or can take no more. */
async function drainedOne(stream: Writable): Promise<void> {
  while (stream.writableLength > 0 && !stream.destroyed && !stream.writableEnded) {
    // Writes complete in order, so an empty write's callback means all before it went out. 'drain'
    // would not do: it only comes after a write that found the buffer full.
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off('close', done)
        resolve()
      }
      // A reader that went away closes the stream: nothing more will go out, so stop waiting.
      stream.once('close', done)
      stream.write('', done)
    })
  }
}

/** Resolves once stdout and stderr have nothing pending (or after `limitMs`, when given). */
export async function drained(options: {limitMs?: number; streams?: Writable[]} = {}): Promise<void> {
  const all = Promise.all((options.streams ?? [process.stdout, process.stderr]).map((stream) => drainedOne(stream)))
  if (options.limitMs === undefined) return void (await all)
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.limitMs).unref()))
  await Promise.race([all, limit])
  clearTimeout(timer)
}

let ending: Promise<never> | undefined

/**
 * Ends the process with `code` once stdout and stderr are drained. The first call decides the code;
 * later ones wait for the same end. `limitMs` bounds the wait (Ctrl-C: the reader may be gone).
 *
 * The final process.exit is a backstop: after an error, keep-alive sockets, the embedded sandbox or a
 * prompt's stdin could otherwise keep the process alive; by then nothing is left to cut.
 */
export function exitWhenDrained(code: number, options: {limitMs?: number} = {}): Promise<never> {
  ending ??= (async () => {
    process.exitCode = code
    await drained(options)
    process.exit(code)
  })()
  return ending
}
