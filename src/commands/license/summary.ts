import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import {licenseViews, resolveLicenseView} from '../../config/license-view.js'
import {asProduct, currentMonth, monthFlag, productFlag, refuseViewConflicts} from '../../cli/license-flags.js'
import {paint} from '../../output/colors.js'
import {licenseModels, type RequestedLicenseModel} from '../../citrix/licensing.js'
import {UsageError} from '../../errors.js'
import {
  concurrentFigures,
  licenseModelLabels,
  noSplitText,
  partnerDaasFigures,
  partnerOnPremFigures,
  type LabelledFigure,
} from '../../output/license-labels.js'
import {renderFields} from '../../output/table.js'
import {getLicenseSummary, type LicenseSummary} from '../../services/license/summary.js'
import {plural} from '../../output/numbers.js'

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
  const expiryText = expiry
    ? `${day(expiry.date)}: ${plural(expiry.count, 'license')}, ${expiry.daysLeft} days left`
    : 'none'
  const heading = paint.bold(
    `${summary.productName}${summary.productEdition ? ` (${summary.productEdition})` : ''} — ${licenseModelLabels[summary.licenseModel]} licenses`,
  )
  const remaining: [string, string | number] = [
    'Remaining',
    summary.remaining < 0 ? paint.warn(String(summary.remaining)) : summary.remaining,
  ]
  if (summary.concurrent) {
    return [
      heading,
      renderFields([
        ...concurrentFigures(summary.concurrent).map(({label, value}): [string, string | number] => [label, value]),
        ['Available', summary.available],
        remaining,
      ]),
    ].join('\n')
  }
  const used = summary.userDeviceSplit
    ? `${summary.used} (${summary.usedByUsers ?? 0} users, ${summary.usedByDevices ?? 0} devices)`
    : `${summary.used}; by users and devices: ${noSplitText}`
  return [
    heading,
    renderFields([
      ['Used', used],
      ['Available', summary.available],
      remaining,
      ...(summary.released === null ? [] : [['Released', summary.released] as [string, number]]),
      ['Next expiry', expiry && expiry.daysLeft <= nearExpiryDays ? paint.warn(expiryText) : expiryText],
      [
        'Next activation',
        summary.nextActivation
          ? `${day(summary.nextActivation.date)}: ${plural(summary.nextActivation.count, 'license')}`
          : 'none',
      ],
    ]),
  ].join('\n')
}

export default class LicenseSummaryCommand extends BaseCommand<typeof LicenseSummaryCommand> {
  static summary = 'License usage at a glance: enterprise figures of a service, or a partner view.'
  static examples = [
    '<%= config.bin %> license summary',
    '<%= config.bin %> license summary --product endpoint-management --json',
    '<%= config.bin %> license summary --view partner-daas --month 2026-10',
    '<%= config.bin %> license summary --license-model concurrent',
  ]
  static flags = {
    view: Flags.string({
      description: "enterprise or a partner view (default: the profile's license-view, else enterprise)",
      options: [...licenseViews],
    }),
    product: productFlag,
    month: monthFlag,
    'license-model': Flags.string({
      description:
        'Citrix DaaS: user/device or concurrent licenses (default: user/device, then concurrent when the customer has no user/device licenses)',
      options: [...licenseModels],
    }),
  }

  async run(): Promise<LicenseSummaryResult> {
    const view = resolveLicenseView(this.flags.view, {profile: this.flags.profile, store: () => this.configStore()})
    refuseViewConflicts(this.argv, view)
    const licenseModel = this.flags['license-model'] as RequestedLicenseModel | undefined
    if (licenseModel && view !== 'enterprise')
      throw new UsageError(`--license-model is for the enterprise view, not ${view}.`, {
        hint: 'Drop --license-model, or use --view enterprise.',
      })
    const summary = await getLicenseSummary(await this.citrix(), {
      view,
      product: asProduct(this.flags.product),
      month: this.flags.month ?? currentMonth(),
      licenseModel,
    })
    if (summary.view === 'enterprise' && summary.product === 'daas' && !licenseModel) {
      this.note(
        summary.licenseModel === 'concurrent'
          ? 'Showing concurrent licenses: the customer has no user/device licenses (404).'
          : 'Showing user/device licenses (--license-model concurrent for the concurrent ones).',
      )
    }
    this.log(render(summary))
    return {summary}
  }
}
