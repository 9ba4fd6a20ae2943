import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {partnerViews, resolveLicenseView} from '../../config/license-view.js'
import {UsageError} from '../../errors.js'
import {
  asProduct,
  currentMonth,
  historyFlags,
  monthFlag,
  partnerViewOf,
  productFlag,
  refuseFlags,
} from '../../cli/license-flags.js'
import {exportFormats, type ExportFormat} from '../../output/export-writer.js'
import {createProgress} from '../../output/progress.js'
import {exportDatasets, type ExportDataset} from '../../services/license/datasets.js'
import type {LicenseExportResult} from '../../services/license/export.js'
import {resolveHistoryRange} from '../../services/license/history-range.js'
import {parseFileMode} from '../../util/file-mode.js'
import {keepStreamingHeapSmall} from '../../util/streaming-heap.js'
import {plural} from '../../output/numbers.js'

export default class LicenseExport extends BaseCommand<typeof LicenseExport> {
  static summary =
    'Export users, devices, partner customers or monthly history, streamed page by page, to stdout or a file.'
  static description =
    'With --out, the file is written to a temporary file and renamed only when complete: an interrupted or failed export leaves no partial file, and an older file stays intact. A new file is made 0600 (--mode changes it), an existing one keeps its mode. --out - is stdout; a pipe (a FIFO, /dev/fd/N) is written straight into; a folder or a symbolic link to a file is refused before the first request.'
  static examples = [
    '<%= config.bin %> license export users --format csv --out users.csv',
    '<%= config.bin %> license export devices --format ndjson | jq .deviceName',
    '<%= config.bin %> license export history --months 12 --format xlsx --out usage.xlsx',
    '<%= config.bin %> license export customers --view partner-daas --month 2026-10 --format json',
  ]
  static args = {dataset: Args.string({description: 'what to export', options: [...exportDatasets], required: true})}
  static flags = {
    format: Flags.string({description: 'file format', options: [...exportFormats], default: 'csv'}),
    out: Flags.string({char: 'o', description: 'write to this file (atomically) instead of stdout; - is stdout'}),
    mode: Flags.string({
      description: "the --out file's mode, in octal such as 0640 (default: an existing file's own, else 0600)",
    }),
    excel: Flags.boolean({description: 'CSV: start with a byte order mark so that Excel reads UTF-8'}),
    product: productFlag,
    view: Flags.string({description: 'customers: the partner view', options: [...partnerViews]}),
    month: monthFlag,
    ...historyFlags,
  }

  async run(): Promise<LicenseExportResult> {
    const {flags} = this
    const format = flags.format as ExportFormat
    const out = flags.out === '-' ? undefined : flags.out
    if (flags.mode !== undefined && !out) throw new UsageError('--mode needs --out <file>.')
    const mode = flags.mode === undefined ? undefined : parseFileMode(flags.mode)
    if (this.jsonEnabled() && !out)
      throw new UsageError('--json needs --out: stdout carries the export itself.', {hint: 'Add --out <file>.'})
    if (format === 'xlsx' && !out && process.stdout.isTTY)
      throw new UsageError('An xlsx file cannot be shown on a terminal.', {hint: 'Add --out <file>.xlsx.'})
    const dataset = this.args.dataset as ExportDataset
    // Each dataset takes its own flags: the others are exit 2, not silently ignored.
    const notFor: Record<ExportDataset, string[]> = {
      users: ['view', 'month', 'months', 'from', 'to'],
      devices: ['view', 'month', 'months', 'from', 'to'],
      customers: ['product', 'months', 'from', 'to'],
      history: ['view', 'month'],
    }
    refuseFlags(
      this.argv,
      notFor[dataset],
      `export ${dataset}`,
      `${dataset === 'customers' ? '--view and --month' : dataset === 'history' ? '--product and --months|--from|--to' : '--product'} apply to ${dataset}; drop the others.`,
    )
    const view =
      dataset === 'customers'
        ? partnerViewOf(resolveLicenseView(flags.view, {profile: flags.profile, store: () => this.configStore()}))
        : 'partner-onprem'
    const range = resolveHistoryRange({months: flags.months, from: flags.from, to: flags.to})
    const client = await this.citrix()
    this.interruptible = true
    const heap = keepStreamingHeapSmall()
    const progress = createProgress()
    const started = Date.now()
    const {exportLicenseData} = await import('../../services/license/export.js')
    const result = await exportLicenseData(client, {
      dataset,
      format,
      out,
      mode,
      excelBom: flags.excel,
      product: asProduct(flags.product),
      view,
      month: flags.month ?? currentMonth(),
      range,
      signal: this.abort.signal,
      warn: (message) => this.warn(message),
      countFirst: progress.live,
      onProgress(rows, total) {
        heap.rowsWritten(rows)
        const rate = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000))
        progress.update(
          `${plural(rows, 'row')}, ${rate} rows/s${total ? `, ${Math.min(100, Math.floor((rows / total) * 100))}%` : ''}`,
        )
      },
    }).finally(() => progress.done())
    // A reader that stopped early (`| head`) read an unknown share: say nothing rather than a false count.
    if (!result.readerLeft)
      this.note(`Exported ${plural(result.rows, 'row')} (${dataset})${result.out ? ` to ${result.out}` : ''}.`)
    return result
  }
}
