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

/** Told once when the partner directory does not answer and the customers are named by org id. */
export type Warn = (message: string) => void

/** The customers of a partner view for a month, page by page (the export streams them). */
export function partnerCustomerPages(
  client: CitrixClient,
  view: PartnerView,
  month: string,
  warn?: Warn,
): AsyncGenerator<PartnerCustomer[]> {
  return view === 'partner-onprem' ? listPartnerOnPremCustomers(client, month) : namedDaasPages(client, month, warn)
}

function directoryUnanswered(warn: Warn | undefined) {
  return (error: unknown) =>
    warn?.(
      `The partner directory (partner.citrixworkspacesapi.net/{partnerId}/customers) did not answer (${error instanceof Error ? error.message : String(error)}): customers are named by their org id.`,
    )
}

/**
 * [model] figures per org id, named [seen] by the partner directory's displayName where that call
 * answers (fetched once, before the first page), else by the org id.
 */
async function* namedDaasPages(
  client: CitrixClient,
  month: string,
  warn?: Warn,
): AsyncGenerator<PartnerDaasCustomer[]> {
  const names = await getPartnerCustomerNames(client, directoryUnanswered(warn))
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

export function listDaasCustomers(client: CitrixClient, month: string, warn?: Warn): Promise<PartnerDaasCustomer[]> {
  return everyPage(namedDaasPages(client, month, warn))
}

/** The customers of a partner view for a month, every page. */
export function listLicenseCustomers(
  client: CitrixClient,
  options: {view: PartnerView; month: string; warn?: Warn},
): Promise<PartnerCustomer[]> {
  return options.view === 'partner-onprem'
    ? listOnPremCustomers(client, options.month)
    : listDaasCustomers(client, options.month, options.warn)
}
