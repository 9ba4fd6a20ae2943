import type {CitrixClient} from '../../citrix/client.js'
import {
  listPartnerDaasCustomers,
  listPartnerOnPremCustomers,
  type PartnerCustomer,
  type PartnerDaasCustomer,
  type PartnerOnPremCustomer,
} from '../../citrix/licensing.js'
import type {PartnerView} from '../../config/license-view.js'

/** The customers of a partner view for a month, page by page (the export streams them). */
export function partnerCustomerPages(client: CitrixClient, view: PartnerView, month: string): AsyncGenerator<PartnerCustomer[]> {
  return view === 'partner-onprem' ? listPartnerOnPremCustomers(client, month) : listPartnerDaasCustomers(client, month)
}

async function everyPage<Row>(pages: AsyncIterable<Row[]>): Promise<Row[]> {
  const rows: Row[] = []
  for await (const page of pages) rows.push(...page)
  return rows
}

export function listOnPremCustomers(client: CitrixClient, month: string): Promise<PartnerOnPremCustomer[]> {
  return everyPage(listPartnerOnPremCustomers(client, month))
}

export function listDaasCustomers(client: CitrixClient, month: string): Promise<PartnerDaasCustomer[]> {
  return everyPage(listPartnerDaasCustomers(client, month))
}

/** The customers of a partner view for a month, every page. */
export function listLicenseCustomers(client: CitrixClient, options: {view: PartnerView; month: string}): Promise<PartnerCustomer[]> {
  return options.view === 'partner-onprem' ? listOnPremCustomers(client, options.month) : listDaasCustomers(client, options.month)
}
