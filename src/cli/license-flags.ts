import {Flags} from '@oclif/core'

import {licenseProductNames, type LicenseProduct} from '../citrix/licensing.js'
import type {LicenseView, PartnerView} from '../config/license-view.js'
import {formatMonth, monthOf} from '../util/months.js'

// Flags shared by the `ctx license …` commands.

export const productFlag = Flags.string({
  description: 'the licensed cloud service',
  options: licenseProductNames,
  default: 'daas',
})

export const monthFlag = Flags.string({description: 'month of the partner figures, yyyy-MM (default: this month; at most 12 months back)'})

export const historyFlags = {
  months: Flags.integer({description: 'the last N months, this one included (1–12, default 12)', min: 1, max: 12, exclusive: ['from']}),
  from: Flags.string({description: 'first month, yyyy-MM (at most 12 months back)'}),
  to: Flags.string({description: 'last month, yyyy-MM (default: this month)', dependsOn: ['from']}),
}

export const asProduct = (value: string): LicenseProduct => value as LicenseProduct

export function currentMonth(now = new Date()): string {
  return formatMonth(monthOf(now))
}

/**
 * Customers exist only in the partner views; the enterprise default (from the environment or the
 * profile) becomes partner-onprem. A `--view` flag cannot say enterprise: its options are the partner views.
 */
export function partnerViewOf(view: LicenseView): PartnerView {
  return view === 'enterprise' ? 'partner-onprem' : view
}
