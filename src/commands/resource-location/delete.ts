import {Args, Flags} from '@oclif/core'

import {BulkRemoveCommand} from '../../cli/bulk-remove-command.js'
import type {DeletionPlan, ResourceLocationDeletion} from '../../services/resource-location/delete.js'
import {plural} from '../../output/numbers.js'

export default class ResourceLocationDelete extends BulkRemoveCommand<typeof ResourceLocationDelete> {
  static summary = 'Delete a resource location; with --with-connectors, remove its connectors first.'
  static description = `Shows the location and its connectors and asks to confirm (--yes skips; without a terminal --yes is needed). Citrix Cloud refuses to delete a location while any connector, even a long-dead one, is still in it: without --with-connectors that is exit 7, naming them, and nothing is deleted. --with-connectors removes them first the way \`ctx connector remove\` does (dry run, confirmation, concurrency, a report per connector, the audit log), then deletes the location; when a connector could not be removed, the location stays (exit 10) and running the same command again finishes the job.

A connector that contacted Citrix Cloud within --stale (24h unless given), that reports Connected, or whose last contact is unknown may still be in use: it is removed only when named with --connector <id> (repeat it for each); otherwise exit 7 before anything changes.`
  static examples = [
    '<%= config.bin %> resource-location delete "Lab"',
    '<%= config.bin %> resource-location delete "London DC" --with-connectors --dry-run',
    '<%= config.bin %> resource-location delete "London DC" --with-connectors --yes',
    '<%= config.bin %> resource-location delete 3f1c…a2 --with-connectors --connector 9e0b…17 --yes',
  ]
  static strict = true
  static args = {location: Args.string({description: 'the resource location, by id or name', required: true})}
  static flags = {
    'with-connectors': Flags.boolean({description: 'remove the connectors of the location first, then the location'}),
    connector: Flags.string({
      description:
        'remove this connector even though it contacted Citrix Cloud within --stale or reports Connected (repeatable)',
      multiple: true,
      dependsOn: ['with-connectors'],
    }),
    stale: Flags.string({
      description: 'connectors silent for less than this are kept unless named with --connector (30d, 12h, 2w)',
      default: '24h',
    }),
    ...BulkRemoveCommand.removalFlags,
  }

  async run(): Promise<ResourceLocationDeletion> {
    const {flags} = this
    const [{tearDownResourceLocation}, {parseDuration}] = await Promise.all([
      import('../../services/resource-location/delete.js'),
      import('../../services/selection.js'),
    ])
    parseDuration(flags.stale) // a bad --stale is exit 2 before any call
    const deletion = await tearDownResourceLocation({
      client: await this.citrix(),
      location: this.args.location,
      withConnectors: flags['with-connectors'],
      connectorIds: flags.connector,
      recentWindow: flags.stale,
      dryRun: flags['dry-run'],
      concurrency: flags.concurrency,
      confirm: (plan) => this.confirmDeletion(plan),
      signal: this.abort.signal,
      audit: await this.auditContext(),
      onProgress: this.progress('connector'),
      // The connectors' report, its summary, and exit 10 (or the stop's code) when any could not go: the location stays then.
      onConnectorsRemoved: async (report) => {
        try {
          await this.finish(report, 'connector', 'ctx connector list')
        } catch (error) {
          this.note('The resource location was kept: Citrix Cloud deletes it only once every connector is gone.')
          throw error
        }
      },
    })
    const {resourceLocation: l} = deletion
    const what = `the resource location "${l.name}" (${l.id})`
    if (deletion.result === 'would-delete') this.note(`Dry run: then ${what} would be deleted; nothing was changed.`)
    else if (deletion.result === 'deleted') this.note(`Deleted ${what}.`)
    else if (deletion.result === 'not-found') this.note(`${what[0]!.toUpperCase()}${what.slice(1)} was gone already.`)
    else if (!deletion.connectorRemoval) this.note('Nothing was deleted.')
    return deletion
  }

  /** The location and every connector that goes with it (status, last contact), then one question. */
  private async confirmDeletion(plan: DeletionPlan): Promise<boolean> {
    const [{renderFields}, {renderRemovalPlan}] = await Promise.all([
      import('../../output/table.js'),
      import('../../output/removal.js'),
    ])
    const l = plan.resourceLocation
    process.stderr.write(
      `${renderFields([
        ['Resource location', l.name],
        ['Id', l.id],
        ['Internal only', l.internalOnly ? 'yes' : 'no'],
        ['Time zone', l.timeZone],
      ])}\n`,
    )
    const count = plan.connectors.length
    if (count > 0) {
      const items = plan.connectors.map((c) => ({
        id: c.id,
        name: c.fqdn,
        product: c.type,
        status: c.status,
        lastContactAt: c.lastContactAt,
      }))
      process.stderr.write(`Its ${count} connector(s), removed first:\n${renderRemovalPlan(items)}\n`)
    }
    if (this.flags.yes) return true
    const {promptConfirm} = await import('../../output/prompt.js')
    const message =
      count > 0
        ? `Remove ${count === 1 ? 'this connector' : `these ${plural(count, 'connector')}`}, then delete the resource location "${l.name}"?`
        : `Delete the resource location "${l.name}"?`
    return promptConfirm({message, flag: '--yes'})
  }
}
