import type {CitrixClient} from '../../citrix/client.js'
import type {PartnerView} from '../../config/license-view.js'
import {partnerCustomerPages, type PartnerCustomer} from './datasets.js'

export async function licenseCustomersService(client: CitrixClient, options: {view: PartnerView; month: string}): Promise<PartnerCustomer[]> {
  const customers: PartnerCustomer[] = []
  for await (const page of partnerCustomerPages(client, options.view, options.month)) customers.push(...page)
  return customers
}
