import {Flags} from '@oclif/core'

import {licenseProductNames, type LicenseProduct} from '../citrix/licensing.js'
import type {LicenseView, PartnerView} from '../config/license-view.js'
import {UsageError} from '../errors.js'
import {formatMonth, monthOf, parseMonth} from '../util/months.js'

// Flags shared by the `ctx license …` commands.

export const productFlag = Flags.string({
  description: 'the licensed cloud service',
  options: licenseProductNames,
  default: 'daas',
})

/** yyyy-MM, checked before any call: a bad format is exit 2 saying so, not Citrix's 400 answered with the 12-month hint. */
export const monthFlag = Flags.custom<string>({
  description: 'month of the partner figures, yyyy-MM (default: this month; at most 12 months back)',
  parse: async (input) => {
    if (!parseMonth(input.trim()))
      throw new UsageError(`--month "${input}" is not a month.`, {hint: 'Give it as yyyy-MM, such as 2026-10.'})
    return input.trim()
  },
})()

export const historyFlags = {
  months: Flags.integer({
    description: 'the last N months, this one included (1–12, default 12)',
    min: 1,
    max: 12,
    exclusive: ['from'],
  }),
  from: Flags.string({description: 'first month, yyyy-MM (at most 12 months back)'}),
  to: Flags.string({description: 'last month, yyyy-MM (default: this month)', dependsOn: ['from']}),
}

/** Whether a flag was typed (oclif fills defaults in, so the parsed value cannot tell): `--name v` or `--name=v`. */
export function flagGiven(argv: string[], name: string): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`))
}

/** A flag that does not apply is exit 2 naming the conflict, never silently ignored. */
export function refuseFlags(argv: string[], names: string[], where: string, hint: string): void {
  const given = names.filter((name) => flagGiven(argv, name)).map((name) => `--${name}`)
  if (given.length > 0)
    throw new UsageError(`${given.join(' and ')} ${given.length > 1 ? 'do' : 'does'} not apply to ${where}.`, {hint})
}

/** --product is the enterprise view's; --month the partner views'. */
export function refuseViewConflicts(argv: string[], view: LicenseView): void {
  if (view === 'enterprise')
    refuseFlags(
      argv,
      ['month'],
      'the enterprise view',
      'Drop --month (it picks the month of the partner figures), or add --view partner-onprem|partner-daas.',
    )
  else
    refuseFlags(
      argv,
      ['product'],
      `the ${view} view`,
      'Drop --product (it picks a service of the enterprise view), or add --view enterprise.',
    )
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
