import {Errors, handle, run, settings} from '@oclif/core'
import {Exit} from '@oclif/core/handle'

import {drained, exitWhenDrained} from './exit.js'

/**
 * What bin/run.js and bin/dev.js run: oclif's `execute`, except that ctx never ends while stdout or
 * stderr has output pending. `execute` hands every error to oclif's `handle`, which calls process.exit
 * at once, and BaseCommand.catch ends every failure with an ExitError: a report of more than 64 KiB
 * with exit 10 reached a slow pipe cut short.
 */
export async function runCli(options: {dir: string; development?: boolean}): Promise<void> {
  if (options.development) {
    // As `execute` does in development: oclif then loads the TypeScript sources.
    process.env.NODE_ENV = 'development'
    settings.debug = true
  }
  // `handle` exits through this seam (oclif's own, for stubbing): make it wait for the output too.
  Exit.exit = ((code = 0) => exitWhenDrained(code)) as typeof Exit.exit
  try {
    await run(process.argv.slice(2), options.dir)
    // Rather than oclif's `flush`, which waits for stdout only and turns a reader slower than
    // 10 s into a "timed out" error. The process then ends by itself, as before.
    await drained()
  } catch (error) {
    // BaseCommand.catch has printed the error already: an ExitError only carries the code.
    if (error instanceof Errors.ExitError) await exitWhenDrained(error.oclif.exit ?? 1)
    // Anything else (a failing plugin or hook, say) is printed by oclif as before.
    await handle(error as Error)
  }
}
