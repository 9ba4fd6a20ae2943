import {Flags} from '@oclif/core'

import {BaseCommand} from '../../cli/base-command.js'
import type {PartnerCustomer} from '../../citrix/licensing.js'
import {partnerViews, resolveLicenseView, type PartnerView} from '../../config/license-view.js'
import {currentMonth, monthFlag, partnerViewOf} from '../../cli/license-flags.js'
import {asListColumns, partnerCustomerColumns} from '../../output/license-columns.js'
import {listFlags} from '../../cli/list-flags.js'
import {renderList} from '../../output/list-format.js'
import {listLicenseCustomers} from '../../services/license/customers.js'

export interface LicenseCustomersResult {
  view: PartnerView
  month: string
  customers: PartnerCustomer[]
}

export default class LicenseCustomers extends BaseCommand<typeof LicenseCustomers> {
  static summary = "A partner's customers, one row each, with their license figures for a month."
  static examples = [
    '<%= config.bin %> license customers',
    '<%= config.bin %> license customers --view partner-daas --month 2026-09 --csv',
  ]
  static flags = {
    view: Flags.string({
      description: "partner view (default: the profile's license-view when a partner one, else partner-onprem)",
      options: [...partnerViews],
    }),
    month: monthFlag,
    ...listFlags,
  }

  async run(): Promise<LicenseCustomersResult> {
    const view = partnerViewOf(
      resolveLicenseView(this.flags.view, {profile: this.flags.profile, store: () => this.configStore()}),
    )
    const month = this.flags.month ?? currentMonth()
    const customers = await listLicenseCustomers(await this.citrix(), {
      view,
      month,
      warn: (message) => this.warn(message),
    })
    if (customers.length === 0) this.note(`No customers in the ${view} view for ${month}.`)
    if (customers.length > 0 || this.flags.csv)
      this.log(
        renderList(asListColumns(partnerCustomerColumns(view)), customers, {
          csv: this.flags.csv,
          wide: this.flags.wide,
          note: (m) => this.note(m),
        }),
      )
    // citrix-api.md section 4: these per-customer figures rest on a call nobody has observed.
    this.note(
      `The per-customer figures come from a modelled Citrix call (not observed in real traffic)${view === 'partner-daas' ? '; the names from the observed partner directory, else the org id' : ''}.`,
    )
    return {view, month, customers}
  }
}
