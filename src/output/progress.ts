// A single progress line on stderr, redrawn in place; silent without a terminal, so that
// pipelines see nothing but warnings on stderr.
export interface Progress {
  /** Whether anything is shown (a terminal): a command may skip work done only for the progress line. */
  live: boolean
  update(text: string): void
  done(finalText?: string): void
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, minIntervalMs = 100): Progress {
  if (!stream.isTTY) return {live: false, update() {}, done() {}}
  let last = 0
  let shown = false
  return {
    live: true,
    update(text) {
      const now = Date.now()
      if (now - last < minIntervalMs) return
      last = now
      shown = true
      stream.write(`\r\u001B[2K${text}`)
    },
    done(finalText) {
      if (shown) stream.write('\r\u001B[2K')
      shown = false
      if (finalText) stream.write(`${finalText}\n`)
    },
  }
}
