import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {PartialFailureError, UsageError} from '../../errors.js'
import {asProduct, productFlag} from '../../cli/license-flags.js'
import {paint} from '../../output/colors.js'
import {createProgress} from '../../output/progress.js'
import {promptConfirm} from '../../output/prompt.js'
import {renderTable, type Column} from '../../output/table.js'
import {formatWhen} from '../../output/time.js'
import {
  releaseLicenses,
  type ReleaseCandidate,
  type ReleaseOutcome,
  type ReleaseReport,
} from '../../services/license/release.js'
import {plural} from '../../output/numbers.js'

const shownAtMost = 20

/** The report of `license release`: the shape of `product remove`'s (dryRun, confirmed, items with a result, counts). */
export type LicenseReleaseResult = ReleaseReport

/** Some licenses were not released; carries the report, so that --json shows every item with its reason. */
export class ReleaseFailedError extends PartialFailureError {
  constructor(readonly report: ReleaseReport) {
    // The report lists every failure with its reason; the error line names the first few.
    const failures = report.items
      .filter((i) => i.result === 'failed')
      .map((i) => `${i.id}: ${i.error ?? 'no reason given'}`)
    const named =
      failures.length > 3 ? `${failures.slice(0, 3).join('; ')}; and ${failures.length - 3} more` : failures.join('; ')
    super(
      `${report.failed} of ${plural(report.items.length, 'license')} ${report.failed === 1 ? 'was' : 'were'} not released: ${named}`,
      {
        hint: 'Each failure is listed in the report with its reason.',
      },
    )
  }
}

const resultLabels: Record<ReleaseOutcome['result'], string> = {
  released: 'released',
  failed: 'FAILED',
  'would-release': 'would release',
}

export default class LicenseRelease extends BaseCommand<typeof LicenseRelease> {
  static summary = 'Release expired user and device licenses, in batches of at most 100.'
  static description =
    'As `ctx product remove`: the list to confirm goes to stderr, the per-license report to stdout (--json: dryRun, confirmed, items with their result, and the counts), and exit 10 when any failed.'
  static examples = [
    '<%= config.bin %> license release --expired --dry-run',
    '<%= config.bin %> license release --expired --yes',
    '<%= config.bin %> license release --id <userId> --id <deviceId>',
  ]
  static flags = {
    expired: Flags.boolean({description: 'every expired user and device license of the service'}),
    id: Flags.string({description: 'a user or device id to release (repeatable)', multiple: true}),
    'dry-run': Flags.boolean({description: 'list what would be released, and release nothing'}),
    yes: Flags.boolean({char: 'y', description: 'release without asking'}),
    product: productFlag,
  }

  async run(): Promise<LicenseReleaseResult> {
    const {flags} = this
    if (!flags.expired && !flags.id)
      throw new UsageError('Nothing to release.', {hint: 'Pass --expired, or --id <id> (repeatable).'})
    const client = await this.citrix()
    this.interruptible = true
    // Reading every licensed user and device takes a while on a large tenant: a line that counts (on a terminal).
    const reading = createProgress()
    let asked = false
    const report = await releaseLicenses(client, {
      product: asProduct(flags.product),
      expired: flags.expired,
      ids: flags.id ?? [],
      dryRun: flags['dry-run'],
      signal: this.abort.signal,
      onProgress: ({users, devices}) =>
        reading.update(
          `Reading licenses to find the expired ones: ${users.toLocaleString('en-US')} users, ${devices.toLocaleString('en-US')} devices…`,
        ),
      confirm: async (candidates) => {
        reading.done()
        asked = true
        // As the removals: the list to confirm on stderr, so that stdout carries the report only.
        process.stderr.write(`${this.candidateTable(candidates)}\n`)
        return flags.yes || promptConfirm({message: `Release ${plural(candidates.length, 'license')}?`, flag: '--yes'})
      },
    })
    reading.done()
    if (report.dryRun && report.items.length > 0) {
      this.log(this.reportTable(report))
      this.note(`Dry run: ${plural(report.items.length, 'license')} would be released; nothing was changed.`)
    } else if (!report.confirmed) {
      this.note(asked ? 'Nothing released.' : 'No expired licenses to release.')
    } else {
      this.log(this.reportTable(report))
      this.note(`Released ${report.released}, failed ${report.failed}.`)
      if (report.failed > 0) throw new ReleaseFailedError(report)
    }
    return report
  }

  private candidateTable(candidates: ReleaseCandidate[]): string {
    const columns: Array<Column<ReleaseCandidate>> = [
      {header: 'Name', value: (c) => c.name ?? ''},
      {header: 'Kind', value: (c) => c.kind},
      {header: 'Last login', value: (c) => (c.lastLoginDate ? formatWhen(c.lastLoginDate) : '')},
      {header: 'Id', value: (c) => c.id},
    ]
    const more = candidates.length > shownAtMost ? `\n… and ${candidates.length - shownAtMost} more` : ''
    return `${renderTable(columns, candidates.slice(0, shownAtMost))}${more}`
  }

  /** One row per license, as the removals' report: the result, and Citrix's reason when it failed. */
  private reportTable(report: ReleaseReport): string {
    const columns: Array<Column<ReleaseOutcome>> = [
      {
        header: 'Result',
        value: (o) => (o.result === 'failed' ? paint.error(resultLabels[o.result]) : resultLabels[o.result]),
      },
      {header: 'Name', value: (o) => o.name},
      {header: 'Kind', value: (o) => o.kind},
      {header: 'Last login', value: (o) => (o.lastLoginDate ? formatWhen(o.lastLoginDate) : '')},
      {header: 'Id', value: (o) => o.id},
      {header: 'Detail', value: (o) => o.error ?? ''},
    ]
    return renderTable(columns, report.items)
  }

  protected override toErrorJson(error: unknown): unknown {
    const json = super.toErrorJson(error) as Record<string, unknown>
    const report = (error as {report?: ReleaseReport}).report
    return report ? {...json, ...report} : json
  }
}
