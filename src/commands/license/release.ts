import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {PartialFailureError, UsageError} from '../../errors.js'
import {asProduct, productFlag} from '../../cli/license-flags.js'
import {createProgress} from '../../output/progress.js'
import {promptConfirm} from '../../output/prompt.js'
import {renderTable} from '../../output/table.js'
import {releaseLicenses, type ReleaseCandidate, type ReleaseReport} from '../../services/license/release.js'

const shownAtMost = 20

export type LicenseReleaseResult = Pick<ReleaseReport, 'candidates' | 'released' | 'failed' | 'dryRun'>

export default class LicenseRelease extends BaseCommand<typeof LicenseRelease> {
  static summary = 'Release expired user and device licenses, in batches of at most 100.'
  static examples = ['<%= config.bin %> license release --expired --dry-run', '<%= config.bin %> license release --expired --yes', '<%= config.bin %> license release --id <userId> --id <deviceId>']
  static flags = {
    expired: Flags.boolean({description: 'every expired user and device license of the service'}),
    id: Flags.string({description: 'a user or device id to release (repeatable)', multiple: true}),
    'dry-run': Flags.boolean({description: 'list what would be released, and release nothing'}),
    yes: Flags.boolean({char: 'y', description: 'release without asking'}),
    product: productFlag,
  }

  async run(): Promise<LicenseReleaseResult> {
    const {flags} = this
    if (!flags.expired && !flags.id) throw new UsageError('Nothing to release.', {hint: 'Pass --expired, or --id <id> (repeatable).'})
    const client = await this.citrix()
    this.interruptible = true
    // Reading every licensed user and device takes a while on a large tenant: a line that counts (on a terminal).
    const reading = createProgress()
    const report = await releaseLicenses(client, {
      product: asProduct(flags.product), expired: flags.expired, ids: flags.id ?? [], dryRun: flags['dry-run'], signal: this.abort.signal,
      onProgress: ({users, devices}) => reading.update(`Reading licenses to find the expired ones: ${users.toLocaleString('en-US')} users, ${devices.toLocaleString('en-US')} devices…`),
      confirm: async (candidates) => {
        reading.done()
        this.showCandidates(candidates)
        return flags.yes || promptConfirm({message: `Release ${candidates.length} licenses?`, flag: '--yes'})
      },
    })
    reading.done()
    const {candidates, released, failed, dryRun} = report
    const result: LicenseReleaseResult = {candidates, released, failed, dryRun}
    if (candidates.length === 0) {
      this.note('No expired licenses to release.')
    } else if (dryRun) {
      this.showCandidates(candidates)
      this.note(`Dry run: ${candidates.length} licenses would be released; nothing was changed.`)
    } else if (!report.confirmed) {
      this.note('Nothing released.')
    } else {
      for (const failure of failed) this.warn(`${failure.id}: ${failure.reason}`)
      this.note(`${released} licenses released${failed.length > 0 ? `, ${failed.length} failed` : ''}.`)
      if (failed.length > 0) {
        throw new PartialFailureError(`${failed.length} of ${candidates.length} licenses were not released.`, {hint: 'Each failure is listed above with its reason.'})
      }
    }
    return result
  }

  private showCandidates(candidates: ReleaseCandidate[]): void {
    this.log(renderTable([{header: 'Id', value: (c) => c.id}, {header: 'Kind', value: (c) => c.kind}, {header: 'Name', value: (c) => c.name}, {header: 'Last login', value: (c) => c.lastLoginDate?.slice(0, 10)}], candidates.slice(0, shownAtMost)))
    if (candidates.length > shownAtMost) this.log(`… and ${candidates.length - shownAtMost} more`)
  }
}
