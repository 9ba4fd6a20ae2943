import {BulkRemoveCommand} from '../../cli/bulk-remove-command.js'
import type {ConnectorKind} from '../../citrix/connectors.js'
import {connectorFilterFlags} from '../../cli/filter-flags.js'
import type {RemovalReport} from '../../services/bulk-remove.js'

export default class ConnectorRemove extends BulkRemoveCommand<typeof ConnectorRemove> {
  static summary =
    'Remove Cloud Connectors and Connector Appliances from their resource locations: by id, or stale ones by filter.'
  static description =
    'The same selection, dry run, confirmation, concurrency, per-item report and exit codes as `ctx product remove`. --stale goes by the last contact alone (Citrix often reports the status as Unknown): a connector with a recent last contact, or one that reports Connected, is never selected.'
  static examples = [
    '<%= config.bin %> connector remove --stale 30d --dry-run',
    '<%= config.bin %> connector remove --stale 60d --resource-location "London DC" --type windows --yes',
    '<%= config.bin %> connector remove 3f1c…a2',
  ]
  static flags = {...connectorFilterFlags, ...BulkRemoveCommand.removalFlags}

  async run(): Promise<RemovalReport> {
    const {'resource-location': resourceLocation, type, name, stale} = this.flags
    const ids = await this.selectedIds(
      Boolean(resourceLocation || type || name || stale),
      '--stale, --resource-location, --type, --name',
    )
    const {removeConnectors} = await import('../../services/connector/remove.js')
    const report = await removeConnectors({
      client: await this.citrix(),
      ids,
      resourceLocation,
      type: type as ConnectorKind | undefined,
      name,
      stale,
      dryRun: this.flags['dry-run'],
      concurrency: this.flags.concurrency,
      confirm: this.confirmRemoval('connector'),
      signal: this.abort.signal,
      audit: await this.auditContext(),
      onProgress: this.progress('connector'),
    })
    if (type === 'appliance' && report.items.length === 0) {
      const {appliancesMayBeAbsent} = await import('../../services/connector/list.js')
      this.note(appliancesMayBeAbsent)
    }
    return this.finish(report, 'connector', 'ctx connector list')
  }
}
