// How a sandbox is made: its seed, the size of each table, and how long tokens and codes live.
// They are kept in the state, so that a restart keeps them; a reset may change them.

const defaultSeed = 42
const defaultTokenTtlSeconds = 3600

/** How much seeded data the sandbox makes; each domain reads its own size. */
export interface SandboxSizes {
  products: number
  users: number
  devices: number
  customers: number
  appliances: number
}

export const defaultSizes: SandboxSizes = {products: 25, users: 2000, devices: 2000, customers: 40, appliances: 1}

export interface SandboxSettings {
  seed: number
  sizes: SandboxSizes
  tokenTtlSeconds: number
  /** How long a registration code lives (15 minutes by default; tests shorten it). */
  codeTtlSeconds: number
  /** What the simulated appliances tell ctx to wait between polls (30 s; tests shorten it). */
  pollingIntervalSeconds?: number
  /**
   * [seen] The envelope of the registrations list, which is not certain: `items` (the default),
   * `Items`, or a bare array. ctx reads them all; the sandbox serves each so that tests meet them.
   */
  productsEnvelope?: ProductsEnvelope
  /**
   * [model] `lastContactTime` on registrations: sent by default; false serves none, as the console
   * shows none, so that ctx's selectors for that case can be tried.
   */
  productsLastContact?: boolean
  /**
   * How the customer licenses Citrix DaaS: user/device (default), or concurrent only, whose user/device
   * calls answer 404 in the generic licensing shape and whose ccu summary answers [seen].
   */
  daasLicenseModel?: 'user-device' | 'concurrent'
}

export const productsEnvelopes = ['items', 'Items', 'bare'] as const
export type ProductsEnvelope = (typeof productsEnvelopes)[number]

/** Some settings, and some of the sizes: the rest take their defaults. */
export type SettingsOverrides = Partial<Omit<SandboxSettings, 'sizes'>> & {sizes?: Partial<SandboxSizes>}

export function defaultSettings(overrides: SettingsOverrides = {}): SandboxSettings {
  return {
    seed: overrides.seed ?? defaultSeed,
    sizes: {...defaultSizes, ...overrides.sizes},
    tokenTtlSeconds: overrides.tokenTtlSeconds ?? defaultTokenTtlSeconds,
    codeTtlSeconds: overrides.codeTtlSeconds ?? 15 * 60,
    pollingIntervalSeconds: overrides.pollingIntervalSeconds ?? 30,
    productsEnvelope: overrides.productsEnvelope ?? 'items',
    productsLastContact: overrides.productsLastContact ?? true,
    daasLicenseModel: overrides.daasLicenseModel ?? 'user-device',
  }
}
