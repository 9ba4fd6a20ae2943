import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {PartialFailureError, UsageError} from '../../errors.js'
import {asProduct, productFlag} from '../../flags/license.js'
import {promptConfirm} from '../../output/prompt.js'
import {renderTable} from '../../output/table.js'
import {findReleaseCandidates, releaseLicensesService, type ReleaseCandidate} from '../../services/license/release.js'

const shownAtMost = 20

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

  async run(): Promise<{candidates: ReleaseCandidate[]; released: number; failed: Array<{id: string; reason: string}>; dryRun: boolean}> {
    const {flags} = this
    if (!flags.expired && !flags.id) throw new UsageError('Nothing to release.', {hint: 'Pass --expired, or --id <id> (repeatable).'})
    const product = asProduct(flags.product)
    const client = await this.citrix()
    this.interruptible = true
    const candidates = await findReleaseCandidates(client, {product, expired: flags.expired, ids: flags.id ?? [], signal: this.abort.signal})
    const outcome = {candidates, released: 0, failed: [] as Array<{id: string; reason: string}>, dryRun: flags['dry-run']}
    if (candidates.length === 0) {
      this.note('No expired licenses to release.')
      return outcome
    }
    this.log(renderTable([{header: 'Id', value: (c) => c.id}, {header: 'Kind', value: (c) => c.kind}, {header: 'Name', value: (c) => c.name}, {header: 'Last login', value: (c) => c.lastLoginDate?.slice(0, 10)}], candidates.slice(0, shownAtMost)))
    if (candidates.length > shownAtMost) this.log(`… and ${candidates.length - shownAtMost} more`)
    if (flags['dry-run']) {
      this.note(`Dry run: ${candidates.length} licenses would be released; nothing was changed.`)
      return outcome
    }
    if (!flags.yes && !(await promptConfirm({message: `Release ${candidates.length} licenses?`, flag: '--yes'}))) {
      this.note('Nothing released.')
      return outcome
    }
    const result = await releaseLicensesService(client, {product, ids: candidates.map((c) => c.id), signal: this.abort.signal})
    for (const failure of result.failed) this.warn(`${failure.id}: ${failure.reason}`)
    this.note(`${result.released} licenses released${result.failed.length > 0 ? `, ${result.failed.length} failed` : ''}.`)
    if (result.failed.length > 0) {
      throw new PartialFailureError(`${result.failed.length} of ${candidates.length} licenses were not released.`, {hint: 'Each failure is listed above with its reason.'})
    }
    return {...outcome, ...result}
  }
}
