import {UsageError} from '../errors.js'
import {settingKeys} from './keys.js'
import {defaultProfile} from './settings.js'
import {ConfigStore, stringValue} from './store.js'

/**
 * The views of `ctx license …`, the one vocabulary of the licensing code: a customer's own
 * user/device licenses (enterprise), or a partner's figures for on-premises Virtual Apps and
 * Desktops or for Citrix DaaS. Defined here, in the lowest layer that needs it (the profile's
 * `license-view` setting), so that every layer above can import it.
 */
export const licenseViews = settingKeys['license-view'].allowed
export type LicenseView = (typeof licenseViews)[number]

/** The views with partner customers. */
export type PartnerView = Exclude<LicenseView, 'enterprise'>
export const partnerViews: readonly PartnerView[] = licenseViews.filter(
  (view): view is PartnerView => view !== 'enterprise',
)

/** The view of `ctx license …`: flag > CTX_LICENSE_VIEW > the profile's `license-view` > enterprise. */
export function resolveLicenseView(
  flag: string | undefined,
  options: {profile?: string; env?: NodeJS.ProcessEnv; store?: () => ConfigStore} = {},
): LicenseView {
  const env = options.env ?? process.env
  const profile = options.profile ?? env.CTX_PROFILE ?? defaultProfile
  const fromEnv = flag === undefined && env.CTX_LICENSE_VIEW !== undefined
  const value =
    flag ??
    env.CTX_LICENSE_VIEW ??
    stringValue((options.store ?? (() => ConfigStore.open()))().profile(profile), 'license-view')
  if (value === undefined) return 'enterprise'
  if (!(licenseViews as readonly string[]).includes(value)) {
    // The hint names where the bad value came from: the variable, the flag, or the profile's setting.
    const where = fromEnv
      ? `Set CTX_LICENSE_VIEW to one of: ${licenseViews.join(', ')} (or unset it).`
      : flag === undefined
        ? `Use one of: ${licenseViews.join(', ')} (ctx config set license-view …).`
        : `Use one of: ${licenseViews.join(', ')}.`
    throw new UsageError(`Unknown license view "${value}"${fromEnv ? ' in CTX_LICENSE_VIEW' : ''}.`, {hint: where})
  }
  return value as LicenseView
}
