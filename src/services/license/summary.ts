import type {CitrixClient} from '../../citrix/client.js'
import {
  getEnterpriseUsage,
  getPartnerDaasFigures,
  getPartnerOnPremFigures,
  type EnterpriseUsage,
  type LicenseProduct,
  type PartnerDaasFigures,
  type PartnerOnPremFigures,
} from '../../citrix/licensing.js'
import type {LicenseView, PartnerView} from '../../config/license-view.js'

// A summary carries its view, so that `--json` readers and renderers can tell the shapes apart.
export type EnterpriseSummary = {view: 'enterprise'} & EnterpriseUsage
export type PartnerOnPremSummary = {view: 'partner-onprem'} & PartnerOnPremFigures
export type PartnerDaasSummary = {view: 'partner-daas'} & PartnerDaasFigures
export type PartnerSummary = PartnerOnPremSummary | PartnerDaasSummary
export type LicenseSummary = EnterpriseSummary | PartnerSummary

export async function getEnterpriseSummary(client: CitrixClient, product: LicenseProduct): Promise<EnterpriseSummary> {
  return {view: 'enterprise', ...(await getEnterpriseUsage(client, product))}
}

/** A partner view's figures for one month (yyyy-MM). */
export async function getPartnerSummary(client: CitrixClient, view: PartnerView, month: string): Promise<PartnerSummary> {
  return view === 'partner-onprem'
    ? {view, ...(await getPartnerOnPremFigures(client, month))}
    : {view, ...(await getPartnerDaasFigures(client, month))}
}

export async function getLicenseSummary(
  client: CitrixClient,
  options: {view: LicenseView; product: LicenseProduct; month: string},
): Promise<LicenseSummary> {
  return options.view === 'enterprise' ? getEnterpriseSummary(client, options.product) : getPartnerSummary(client, options.view, options.month)
}
