import type {CitrixClient} from '../../citrix/client.js'
import {
  getEnterpriseUsage,
  getPartnerDaasFigures,
  getPartnerOnPremFigures,
  type EnterpriseUsage,
  type LicenseProduct,
  type PartnerDaasFigures,
  type PartnerOnPremFigures,
  type RequestedLicenseModel,
} from '../../citrix/licensing.js'
import type {LicenseView, PartnerView} from '../../config/license-view.js'
import {UsageError} from '../../errors.js'

// A summary carries its view, so that `--json` readers and renderers can tell the shapes apart.
export type EnterpriseSummary = {view: 'enterprise'} & EnterpriseUsage
export type PartnerOnPremSummary = {view: 'partner-onprem'} & PartnerOnPremFigures
export type PartnerDaasSummary = {view: 'partner-daas'} & PartnerDaasFigures
export type PartnerSummary = PartnerOnPremSummary | PartnerDaasSummary
export type LicenseSummary = EnterpriseSummary | PartnerSummary

/**
 * A service's current figures. Citrix DaaS: `licenseModel` user/device or concurrent; unset, user/device
 * and then concurrent when user/device answers 404. The result's `licenseModel` says which it shows.
 */
export async function getEnterpriseSummary(
  client: CitrixClient,
  product: LicenseProduct,
  licenseModel?: RequestedLicenseModel,
): Promise<EnterpriseSummary> {
  if (licenseModel === 'concurrent' && product !== 'daas') {
    throw new UsageError(`--license-model concurrent is for Citrix DaaS only, not --product ${product}.`, {
      hint: 'Drop --license-model, or use --product daas.',
    })
  }
  return {view: 'enterprise', ...(await getEnterpriseUsage(client, product, licenseModel))}
}

/** A partner view's figures for one month (yyyy-MM). */
export async function getPartnerSummary(
  client: CitrixClient,
  view: PartnerView,
  month: string,
): Promise<PartnerSummary> {
  return view === 'partner-onprem'
    ? {view, ...(await getPartnerOnPremFigures(client, month))}
    : {view, ...(await getPartnerDaasFigures(client, month))}
}

export async function getLicenseSummary(
  client: CitrixClient,
  options: {view: LicenseView; product: LicenseProduct; month: string; licenseModel?: RequestedLicenseModel},
): Promise<LicenseSummary> {
  return options.view === 'enterprise'
    ? getEnterpriseSummary(client, options.product, options.licenseModel)
    : getPartnerSummary(client, options.view, options.month)
}
