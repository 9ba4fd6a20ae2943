import {UsageError} from '../errors.js'
import {settingKeys} from './keys.js'
import {defaultProfile} from './settings.js'
import {ConfigStore, stringValue} from './store.js'

export type LicenseViewName = (typeof settingKeys)['license-view']['allowed'][number]
export const licenseViews = settingKeys['license-view'].allowed

/** The view of `ctx license …`: flag > CTX_LICENSE_VIEW > the profile's `license-view` > enterprise. */
export function resolveLicenseView(
  flag: string | undefined,
  options: {profile?: string; env?: NodeJS.ProcessEnv; store?: () => ConfigStore} = {},
): LicenseViewName {
  const env = options.env ?? process.env
  const profile = options.profile ?? env.CTX_PROFILE ?? defaultProfile
  const value = flag ?? env.CTX_LICENSE_VIEW ?? stringValue((options.store ?? (() => ConfigStore.open()))().profile(profile), 'license-view')
  if (value === undefined) return 'enterprise'
  if (!(licenseViews as readonly string[]).includes(value)) {
    throw new UsageError(`Unknown license view "${value}".`, {hint: `Use one of: ${licenseViews.join(', ')} (ctx config set license-view …).`})
  }
  return value as LicenseViewName
}
