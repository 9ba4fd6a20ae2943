import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {licenseViews, resolveLicenseView} from '../../config/license-view.js'
import {asProduct, productFlag, refuseViewConflicts} from '../../cli/license-flags.js'
import type {LicenseReportResult} from '../../services/license/report.js'
import {maxHistoryMonths} from '../../services/license/history-range.js'

export default class LicenseReport extends BaseCommand<typeof LicenseReport> {
  static summary =
    'Write a self-contained HTML report of license use: figures, a chart of the months, expiries, top customers.'
  static description =
    'One HTML file that loads nothing (inline styles and SVG, no script, no font, no URL), written to a temporary file and renamed when complete. Partner views add the top customers by use and by overage.'
  static examples = [
    '<%= config.bin %> license report --out report.html',
    '<%= config.bin %> license report --out daas.html --view partner-daas --months 6',
    '<%= config.bin %> license report --out epm.html --product endpoint-management --json',
  ]
  static flags = {
    out: Flags.string({
      char: 'o',
      description:
        'the HTML file to write (replaced atomically when it exists, keeping its mode; new ones 0600); - is stdout',
      required: true,
    }),
    view: Flags.string({
      description: "enterprise or a partner view (default: the profile's license-view, else enterprise)",
      options: [...licenseViews],
    }),
    months: Flags.integer({
      description: `the last N months, this one included (1–${maxHistoryMonths})`,
      min: 1,
      max: maxHistoryMonths,
      default: maxHistoryMonths,
    }),
    product: productFlag,
  }

  async run(): Promise<LicenseReportResult> {
    const view = resolveLicenseView(this.flags.view, {profile: this.flags.profile, store: () => this.configStore()})
    refuseViewConflicts(this.argv, view)
    const client = await this.citrix()
    const {writeLicenseReport} = await import('../../services/license/report.js')
    const result = await writeLicenseReport(client, {
      view,
      product: asProduct(this.flags.product),
      months: this.flags.months,
      out: this.flags.out,
      warn: (message) => this.warn(message),
    })
    this.note(`Wrote the ${view} license report for ${result.from} to ${result.to} to ${result.out}`)
    return result
  }
}
