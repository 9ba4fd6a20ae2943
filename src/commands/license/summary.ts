import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {licenseViews, resolveLicenseView} from '../../config/license-view.js'
import {asProduct, currentMonth, monthFlag, productFlag, refuseViewConflicts} from '../../cli/license-flags.js'
import {paint} from '../../output/colors.js'
import {partnerDaasFigures, partnerOnPremFigures, type LabelledFigure} from '../../output/license-labels.js'
import {renderFields} from '../../output/table.js'
import {getLicenseSummary, type LicenseSummary} from '../../services/license/summary.js'

export interface LicenseSummaryResult {
  summary: LicenseSummary
}

/** Days before the next expiry from which it is highlighted. */
const nearExpiryDays = 30
const day = (iso: string) => iso.slice(0, 10)
const fields = (figures: LabelledFigure[]) => renderFields(figures.map(({label, value}) => [label, value]))

function render(summary: LicenseSummary): string {
  if (summary.view === 'partner-onprem') return fields(partnerOnPremFigures(summary))
  if (summary.view === 'partner-daas') return fields(partnerDaasFigures(summary))
  const expiry = summary.nextExpiry
  const expiryText = expiry ? `${day(expiry.date)}: ${expiry.count} licenses, ${expiry.daysLeft} days left` : 'none'
  return [
    paint.bold(`${summary.productName} (${summary.productEdition})`),
    renderFields([
      ['Used', `${summary.used} (${summary.usedByUsers} users, ${summary.usedByDevices} devices)`],
      ['Available', summary.available],
      ['Remaining', summary.remaining < 0 ? paint.warn(String(summary.remaining)) : summary.remaining],
      ['Released', summary.released],
      ['Next expiry', expiry && expiry.daysLeft <= nearExpiryDays ? paint.warn(expiryText) : expiryText],
      ['Next activation', summary.nextActivation ? `${day(summary.nextActivation.date)}: ${summary.nextActivation.count} licenses` : 'none'],
    ]),
  ].join('\n')
}

export default class LicenseSummaryCommand extends BaseCommand<typeof LicenseSummaryCommand> {
  static summary = 'License usage at a glance: enterprise figures of a service, or a partner view.'
  static examples = [
    '<%= config.bin %> license summary',
    '<%= config.bin %> license summary --product endpoint-management --json',
    '<%= config.bin %> license summary --view partner-daas --month 2026-10',
  ]
  static flags = {
    view: Flags.string({description: 'enterprise or a partner view (default: the profile\'s license-view, else enterprise)', options: [...licenseViews]}),
    product: productFlag,
    month: monthFlag,
  }

  async run(): Promise<LicenseSummaryResult> {
    const view = resolveLicenseView(this.flags.view, {profile: this.flags.profile, store: () => this.configStore()})
    refuseViewConflicts(this.argv, view)
    const summary = await getLicenseSummary(await this.citrix(), {view, product: asProduct(this.flags.product), month: this.flags.month ?? currentMonth()})
    this.log(render(summary))
    return {summary}
  }
}
