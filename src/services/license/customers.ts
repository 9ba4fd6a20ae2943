import type {CitrixClient} from '../../citrix/client.js'
import {
  getPartnerCustomerNames,
  listPartnerDaasCustomers,
  listPartnerOnPremCustomers,
  type PartnerCustomer,
  type PartnerDaasCustomer,
  type PartnerOnPremCustomer,
} from '../../citrix/licensing.js'
import type {PartnerView} from '../../config/license-view.js'

/** The customers of a partner view for a month, page by page (the export streams them). */
export function partnerCustomerPages(client: CitrixClient, view: PartnerView, month: string): AsyncGenerator<PartnerCustomer[]> {
  return view === 'partner-onprem' ? listPartnerOnPremCustomers(client, month) : namedDaasPages(client, month)
}

/**
 * [model] figures per org id, named [seen] by the partner directory's displayName where that call
 * answers (fetched once, before the first page), else by the org id.
 */
async function* namedDaasPages(client: CitrixClient, month: string): AsyncGenerator<PartnerDaasCustomer[]> {
  const names = await getPartnerCustomerNames(client)
  for await (const page of listPartnerDaasCustomers(client, month)) {
    yield page.map((customer) => ({...customer, customerName: names.get(customer.orgId) ?? customer.orgId}))
  }
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
  return everyPage(namedDaasPages(client, month))
}

/** The customers of a partner view for a month, every page. */
export function listLicenseCustomers(client: CitrixClient, options: {view: PartnerView; month: string}): Promise<PartnerCustomer[]> {
  return options.view === 'partner-onprem' ? listOnPremCustomers(client, options.month) : listDaasCustomers(client, options.month)
}
