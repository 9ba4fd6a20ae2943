import {Args, Flags, type Command, type Interfaces} from '@oclif/core'

import {BaseCommand} from './base-command.js'
import {PartialFailureError, UsageError} from '../errors.js'
import {createProgress} from '../output/progress.js'
import type {AuditContext} from '../services/audit-log.js'
import {removalFixes, removalPlan, type RemovalItem, type RemovalReport} from '../services/bulk-remove.js'
import {plural} from '../output/numbers.js'

/** Some removals failed; carries the whole report so that --json shows every item with the error. */
export class BulkRemovalError extends PartialFailureError {
  constructor(readonly report: RemovalReport) {
    const failed = report.items.filter((i) => i.result === 'failed')
    // A failure that another run will not get past (a 403) gets its own fix first, not just "run it again".
    const fixes = report[removalFixes]
    const again = 'Run the same command again: what is gone already is reported as not found, and the rest is retried.'
    super(
      `${failed.length} of ${report.items.length} could not be removed: ${failed.map((i) => `${i.id} (${i.name}): ${i.error}`).join('; ')}`,
      {
        hint: fixes?.length
          ? `${fixes.join(' ')} Then run the same command again: what is gone already is reported as not found.`
          : again,
      },
    )
  }
}

/**
 * What `product remove` and `connector remove` share around the one bulk-removal service: the
 * selection flags, ids from arguments or stdin, the confirmation, and the per-item report with exit 10.
 */
export abstract class BulkRemoveCommand<T extends typeof Command> extends BaseCommand<T> {
  static strict = false
  // Widened, so that a command with its own argument (`resource-location delete <location>`) shares the rest.
  // ignoreStdin: oclif would otherwise take piped stdin as the ids; only `-` reads them (stdin may be --hosts-from's).
  static args: Interfaces.ArgInput = {
    ids: Args.string({description: 'ids to remove; `-` reads them from stdin', ignoreStdin: true}),
  }
  static removalFlags = {
    'dry-run': Flags.boolean({description: 'list what would be removed, and change nothing'}),
    yes: Flags.boolean({char: 'y', description: 'remove without asking to confirm (needed without a terminal)'}),
    concurrency: Flags.integer({description: 'removals at a time', default: 4, min: 1, max: 16}),
  }

  protected override interruptible = true

  /** The ids given as arguments (and on stdin for `-`); filters and ids cannot be mixed. */
  protected async selectedIds(filtersGiven: boolean, filterNames: string): Promise<string[]> {
    // Parsed again for the variadic ids (the base command keeps only named args); inherited statics must be passed by name.
    const ctor = this.ctor as typeof BulkRemoveCommand
    const {argv} = await this.parse({
      flags: ctor.flags,
      baseFlags: ctor.baseFlags,
      args: ctor.args,
      strict: false,
      enableJsonFlag: true,
    })
    const args = argv as string[]
    const {idsFrom} = await import('../services/selection.js')
    const stdin = args.includes('-') ? await (await import('../util/stdin.js')).readStdin() : undefined
    const ids = idsFrom(args, stdin)
    if (ids.length > 0 && filtersGiven) throw new UsageError(`Give ids or filters (${filterNames}), not both.`)
    if (ids.length === 0 && !filtersGiven) {
      throw new UsageError('Nothing selected to remove.', {
        hint: `Give ids (or - to read them from stdin), or filters such as ${filterNames}.`,
      })
    }
    return ids
  }

  protected async auditContext(): Promise<AuditContext> {
    const settings = await this.settings()
    return {profile: settings.profile, customer: settings.customerId ?? ''}
  }

  /** Shows exactly what will go, then asks (or takes --yes); without a terminal and --yes: exit 2. */
  /** `noun` is singular (`connector`); the messages count it. */
  protected confirmRemoval(noun: string): (items: RemovalItem[]) => Promise<boolean> {
    return async (items) => {
      // Under --json with --yes nobody reads the plan: no table is built (issue 15, item 19).
      if (this.flags.yes && this.jsonEnabled()) return true
      const {renderRemovalPlan} = await import('../output/removal.js')
      process.stderr.write(`${renderRemovalPlan(items)}\n`)
      if (this.flags.yes) return true
      const {promptConfirm} = await import('../output/prompt.js')
      return promptConfirm({
        message: items.length === 1 ? `Remove this ${noun}?` : `Remove these ${plural(items.length, noun)}?`,
        flag: '--yes',
      })
    }
  }

  /** A progress line on stderr (silent without a terminal). */
  protected progress(noun: string): (done: number, total: number) => void {
    const progress = createProgress()
    return (done, total) => {
      progress.update(`Removing ${noun}s: ${done}/${total}`)
      if (done === total) progress.done()
    }
  }

  /** The per-item report on stdout, a summary on stderr, exit 10 when anything failed. */
  protected async finish(report: RemovalReport, noun: string, listCommand: string): Promise<RemovalReport> {
    const [{removalSummary, removalWarnings, renderRemovalReport}, {stopError}] = await Promise.all([
      import('../output/removal.js'),
      import('../services/bulk-remove.js'),
    ])
    if (!report.dryRun && !report.confirmed) {
      this.note('Nothing was removed.')
    } else if (report.items.length === 0) {
      this.note(`No ${noun}s match: nothing to remove. See what there is with \`${listCommand}\`.`)
    } else if (!this.jsonEnabled()) {
      // oclif prints the result itself under --json: the table is built only for a terminal or a pipe.
      const plan = report[removalPlan] ?? []
      this.log(renderRemovalReport(report, plan))
      for (const warning of removalWarnings(plan)) this.note(warning)
      this.note(removalSummary(report, noun))
    }
    // Stopped (a signal, an audit log that cannot be written): the report is out, now its exit code.
    const stopped = stopError(report)
    if (stopped) throw stopped
    if (report.failed > 0) throw new BulkRemovalError(report)
    return report
  }

  protected override toErrorJson(error: unknown): unknown {
    const json = super.toErrorJson(error) as Record<string, unknown>
    const report = (error as {report?: RemovalReport}).report
    return report ? {...json, ...report} : json
  }
}
