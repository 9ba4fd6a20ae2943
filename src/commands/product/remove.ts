import {BulkRemoveCommand} from '../../cli/bulk-remove-command.js'
import {productFilterFlags, productSelection, productSelectorNames} from '../../cli/filter-flags.js'
import type {RemovalReport} from '../../services/bulk-remove.js'

export default class ProductRemove extends BulkRemoveCommand<typeof ProductRemove> {
  static summary = 'Remove product registrations from Citrix Cloud: by id, or stale ones by filter.'
  static description =
    'Shows exactly what will be removed and asks to confirm (--yes skips). Every item is reported as removed, not found or failed; any failure exits 10, and running the same command again finishes the job. Each removal is recorded in the audit log (`ctx product history`). Where Citrix reports no last contact, select by --registered-before, --name, --hosts-from or --unresolvable instead of --stale.'
  static examples = [
    '<%= config.bin %> product remove --stale 30d --dry-run',
    '<%= config.bin %> product remove --stale 90d --product license-server --yes',
    '<%= config.bin %> product remove --hosts-from decommissioned.txt --unresolvable --dry-run',
    '<%= config.bin %> product remove 0b4c…e1 7d2a…90',
    '<%= config.bin %> product list --stale 30d --json | jq -r ".products[].id" | <%= config.bin %> product remove - --yes',
  ]
  static flags = {...productFilterFlags, ...BulkRemoveCommand.removalFlags}

  async run(): Promise<RemovalReport> {
    const selection = productSelection(this.flags)
    const ids = await this.selectedIds(
      Object.values(selection).some((v) => v !== undefined),
      productSelectorNames,
    )
    const {removeProducts} = await import('../../services/product/remove.js')
    const report = await removeProducts({
      client: await this.citrix(),
      ids,
      ...selection,
      warn: (message) => this.warn(message),
      dryRun: this.flags['dry-run'],
      concurrency: this.flags.concurrency,
      confirm: this.confirmRemoval('product registration'),
      signal: this.abort.signal,
      audit: await this.auditContext(),
      onProgress: this.progress('product registration'),
    })
    return this.finish(report, 'product registration', 'ctx product list')
  }
}
