import {regions, type Region, type SettingName} from './keys.js'
import {readSecret, secretLocation, type SecretLocation} from './secrets.js'
import {ConfigStore, stringValue} from './store.js'
import {UsageError} from '../errors.js'

/** Flags every command shares that bear on settings; undefined means "not given". */
export interface SettingFlags {
  profile?: string
  'api-url'?: string
  'ca-bundle'?: string
  'max-retries'?: number
  'rate-limit'?: string
}

export interface Settings {
  profile: string
  customerId?: string
  clientId?: string
  clientSecret?: string
  /** Where the secret came from: the environment, the keychain or the config file. */
  secretSource?: 'env' | SecretLocation | 'sandbox'
  region?: Region
  apiUrl?: string
  caBundle?: string
  maxRetries: number
  /** Requests a second per customer, pinned by the `rate-limit` setting; undefined: learned from the answers. */
  rateLimit?: number
}

/** Where a setting's value in force comes from, as `ctx config list` shows it (after `aws configure list`). */
export type SettingSource = 'flag' | 'env' | 'profile' | 'default'

/**
 * What may set each setting before the profile does: its global flag and its environment variables, first
 * wins. The one table for `ctx config list|get`; resolveSettings and the license view read the same names.
 */
export const settingOverrides: Record<SettingName, {flag?: keyof SettingFlags; env: string[]; default?: string}> = {
  'customer-id': {env: ['CTX_CUSTOMER_ID', 'CITRIX_CUSTOMER_ID']},
  'client-id': {env: ['CTX_CLIENT_ID', 'CITRIX_CLIENT_ID']},
  'client-secret': {env: ['CTX_CLIENT_SECRET', 'CITRIX_CLIENT_SECRET']},
  region: {env: ['CTX_REGION']},
  'api-url': {flag: 'api-url', env: ['CTX_API_URL']},
  'ca-bundle': {flag: 'ca-bundle', env: ['CTX_CA_BUNDLE']},
  'rate-limit': {flag: 'rate-limit', env: ['CTX_RATE_LIMIT']},
  'license-view': {env: ['CTX_LICENSE_VIEW'], default: 'enterprise'},
}

export interface SettingInForce {
  value: string | null
  source: SettingSource
  /** The flag (`--api-url`) or environment variable (`CITRIX_CLIENT_ID`) that set it. */
  from?: string
}

/** The value in force of one setting, and where it comes from: flag > environment > profile > default. */
export function settingInForce(
  key: SettingName,
  profileValue: string | undefined,
  flags: SettingFlags = {},
  env: NodeJS.ProcessEnv = process.env,
): SettingInForce {
  const overrides = settingOverrides[key]
  const flagValue = overrides.flag ? flags[overrides.flag] : undefined
  if (flagValue !== undefined) return {value: String(flagValue), source: 'flag', from: `--${overrides.flag}`}
  const variable = overrides.env.find((name) => env[name])
  if (variable) return {value: env[variable]!, source: 'env', from: variable}
  if (profileValue !== undefined) return {value: profileValue, source: 'profile'}
  return {value: overrides.default ?? null, source: 'default'}
}

export const defaultProfile = 'default'
export const defaultMaxRetries = 4

function firstOf(env: NodeJS.ProcessEnv, names: string[]): string | undefined {
  for (const name of names) if (env[name]) return env[name]
  return undefined
}

function pick<T>(flag: T | undefined, envValue: T | undefined, profileValue: T | undefined): T | undefined {
  return flag ?? envValue ?? profileValue
}

export function parseRegion(value: string | undefined, from: string): Region | undefined {
  if (value === undefined) return undefined
  const canonical = value.toLowerCase()
  if ((regions as readonly string[]).includes(canonical)) return canonical as Region
  throw new UsageError(`Unknown region "${value}" (from ${from}).`, {hint: `Use one of: ${regions.join(', ')}.`})
}

/** The profile a command works on: --profile, else CTX_PROFILE, else "default". */
export function profileNameFrom(flags: Pick<SettingFlags, 'profile'>, env: NodeJS.ProcessEnv = process.env): string {
  return flags.profile ?? env.CTX_PROFILE ?? defaultProfile
}

/** Precedence for every setting: flag > environment > profile > default. */
export async function resolveSettings(
  flags: SettingFlags,
  store: ConfigStore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Settings> {
  const name = profileNameFrom(flags, env)
  const stored = store.profile(name)

  const customerId = pick(
    undefined,
    firstOf(env, ['CTX_CUSTOMER_ID', 'CITRIX_CUSTOMER_ID']),
    stringValue(stored, 'customer-id'),
  )
  const clientId = pick(
    undefined,
    firstOf(env, ['CTX_CLIENT_ID', 'CITRIX_CLIENT_ID']),
    stringValue(stored, 'client-id'),
  )
  const regionText = pick(undefined, env.CTX_REGION, stringValue(stored, 'region'))
  const apiUrl = pick(flags['api-url'], env.CTX_API_URL, stringValue(stored, 'api-url'))
  const caBundle = pick(flags['ca-bundle'], env.CTX_CA_BUNDLE, stringValue(stored, 'ca-bundle'))
  const rateLimitText = pick(flags['rate-limit'], env.CTX_RATE_LIMIT || undefined, stringValue(stored, 'rate-limit'))
  const rateLimitFrom =
    flags['rate-limit'] !== undefined ? '--rate-limit' : env.CTX_RATE_LIMIT ? 'CTX_RATE_LIMIT' : `profile ${name}`

  const envSecret = firstOf(env, ['CTX_CLIENT_SECRET', 'CITRIX_CLIENT_SECRET'])
  const clientSecret = envSecret ?? (await readSecret(store, name, 'client-secret'))
  const secretSource = envSecret ? 'env' : clientSecret ? secretLocation(store, name, 'client-secret') : undefined

  return {
    profile: name,
    customerId,
    clientId,
    clientSecret,
    secretSource,
    region: parseRegion(regionText, env.CTX_REGION !== undefined ? 'CTX_REGION' : `profile ${name}`),
    apiUrl: apiUrl ? normaliseApiUrl(apiUrl) : undefined,
    caBundle,
    maxRetries: flags['max-retries'] ?? defaultMaxRetries,
    rateLimit: parseRateLimit(rateLimitText, rateLimitFrom),
  }
}

/** A `rate-limit` value: requests a second, a positive number (`10`, `2.5`, `10/s`). */
export function parseRateLimit(value: string | undefined, from: string): number | undefined {
  if (value === undefined || value === '') return undefined
  const perSecond = Number(value.trim().replace(/\/s$/, ''))
  if (Number.isFinite(perSecond) && perSecond > 0 && perSecond <= 10_000) return perSecond
  throw new UsageError(`"${value}" (from ${from}) is not a rate limit.`, {
    hint: 'Give requests a second, such as 10 or 2.5.',
  })
}

export function normaliseApiUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`"${value}" is not a URL.`, {
      hint: 'Give an origin such as https://api.cloud.com or http://127.0.0.1:4780.',
    })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`"${value}" is not an http(s) URL.`)
  }
  return url.origin
}
