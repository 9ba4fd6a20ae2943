import {existsSync} from 'node:fs'
import {join} from 'node:path'

import type {Got} from 'got'

import type {CitrixClient} from '../citrix/client.js'
import {configDir, dataDir} from '../config/paths.js'
import {
  defaultMaxRetries,
  profileNameFrom,
  resolveSettings,
  type SettingFlags,
  type Settings,
} from '../config/settings.js'
import {ConfigStore} from '../config/store.js'
import type {TokenCache} from '../config/token-cache.js'
import type {RequestBudgets} from '../http/pacer.js'
import {sandboxProfile} from '../sandbox/constants.js'

/** The global flags that decide what a command works with. */
export interface ContextFlags extends SettingFlags {
  sandbox?: boolean
}

export interface ContextOptions {
  flags: ContextFlags
  env?: NodeJS.ProcessEnv
  /** --debug: each line of the redacted HTTP log. */
  debugLog?: (line: string) => void
  /** Each retry, before its wait ("503, retrying in 4 s, 2 of 4"). */
  onRetry?: (line: string) => void
  /** Warnings of the Citrix client (a redirect it followed). */
  warn: (message: string) => void
}

/**
 * The one place where a command's dependencies are made: the profile, the config store, the settings
 * (flag > environment > profile > default; with --sandbox, the sandbox's own), the got instance, the
 * Citrix client and the token caches. Each is made once per command, on first use, and its module is
 * loaded only then, so that `ctx config get` never loads got. Commands hand these to their services.
 */
export class CommandContext {
  private store?: ConfigStore
  private resolvedSettings?: Promise<Settings>
  private requestBudgets?: RequestBudgets
  private httpClient?: Promise<Got>
  private citrixClient?: Promise<CitrixClient>
  private tokens?: Promise<TokenCache>
  private applianceTokens?: Promise<TokenCache>
  private stopEmbeddedSandbox?: () => Promise<void>

  constructor(private readonly options: ContextOptions) {}

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env
  }

  /** --sandbox, or CTX_SANDBOX=1. */
  get sandboxMode(): boolean {
    return Boolean(this.options.flags.sandbox) || this.env.CTX_SANDBOX === '1' || this.env.CTX_SANDBOX === 'true'
  }

  /**
   * The profile named by --profile, else CTX_PROFILE, else "default" (what the config commands edit);
   * under --sandbox (or CTX_SANDBOX), the `sandbox` profile everywhere, as the settings are.
   */
  get profileName(): string {
    if (this.sandboxMode) return sandboxProfile
    return profileNameFrom(this.options.flags, this.env)
  }

  /** Opens the config store when there is a config file, so that an unreadable one is exit 3 for every command. */
  checkConfigReadable(): void {
    if (existsSync(join(configDir(this.env), 'config.json'))) this.configStore()
  }

  /** The config store; opening it fails with exit 3 on a damaged file, which it never touches. */
  configStore(): ConfigStore {
    this.store ??= ConfigStore.open()
    return this.store
  }

  /** Settings with flag > environment > profile > default; with --sandbox, the embedded sandbox's. */
  settings(): Promise<Settings> {
    this.resolvedSettings ??= (this.sandboxMode ? this.sandboxSettings() : this.profileSettings()).then(
      async (settings) => {
        // A secret from the profile or the keychain is known to the redaction as the environment's are.
        const {registerSecret} = await import('../http/redact.js')
        registerSecret(settings.clientSecret)
        return settings
      },
    )
    return this.resolvedSettings
  }

  private async profileSettings(): Promise<Settings> {
    return resolveSettings(this.options.flags, this.configStore(), this.env)
  }

  private async sandboxSettings(): Promise<Settings> {
    const {useEmbeddedSandbox} = await import('../sandbox/embedded.js')
    const sandbox = await useEmbeddedSandbox()
    this.stopEmbeddedSandbox = sandbox.stop
    return {
      profile: 'sandbox',
      ...sandbox.credentials,
      secretSource: 'sandbox',
      apiUrl: sandbox.url,
      maxRetries: this.options.flags['max-retries'] ?? defaultMaxRetries,
    }
  }

  /** The command's got instance: the settings' CA bundle and retries, --debug's redacted log. */
  http(): Promise<Got> {
    this.httpClient ??= this.settings().then((settings) =>
      this.newHttp({caBundle: settings.caBundle, rateLimit: settings.rateLimit}),
    )
    return this.httpClient
  }

  /** Another got instance, for a service that decides the CA bundle itself (`ctx doctor`). */
  async newHttp(options: {caBundle?: string; rateLimit?: number}): Promise<Got> {
    const {createHttpClient, retryLine} = await import('../http/client.js')
    const {RequestBudgets} = await import('../http/pacer.js')
    // Every client of the command spends one budget per customer: Citrix counts the requests, not the clients.
    this.requestBudgets ??= new RequestBudgets({pinned: options.rateLimit})
    const onRetry = this.options.onRetry
    // CTX_REQUEST_TIMEOUT_MS: the longest one request may take (a positive number of ms; else the default).
    const timeout = Number(this.env.CTX_REQUEST_TIMEOUT_MS)
    return createHttpClient({
      maxRetries: this.options.flags['max-retries'] ?? defaultMaxRetries,
      caBundle: options.caBundle,
      rateLimit: options.rateLimit,
      debugLog: this.options.debugLog,
      requestTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : undefined,
      onRetry: onRetry ? (retry) => onRetry(retryLine(retry)) : undefined,
      budgets: this.requestBudgets,
    })
  }

  /** The Citrix client of the settings; got itself loads only when a call is made, not for a cached token. */
  citrix(): Promise<CitrixClient> {
    this.citrixClient ??= this.settings().then((settings) => this.citrixFor(settings, () => this.http()))
    return this.citrixClient
  }

  /** A Citrix client for other settings: credentials being checked before they are saved (`ctx auth login`). */
  async citrixFor(settings: Settings, http: Got | (() => Promise<Got>)): Promise<CitrixClient> {
    const {CitrixClient} = await import('../citrix/client.js')
    return new CitrixClient(http, settings, await this.tokenCache(), this.options.warn)
  }

  /** Citrix Cloud tokens per profile, origin and client, in the data dir. */
  tokenCache(): Promise<TokenCache> {
    this.tokens ??= import('../config/token-cache.js').then(
      ({TokenCache}) => new TokenCache(undefined, {warn: this.options.warn}),
    )
    return this.tokens
  }

  /** Appliance tokens (15 minutes each) per profile and appliance, in the data dir. */
  applianceTokenCache(): Promise<TokenCache> {
    this.applianceTokens ??= import('../config/token-cache.js').then(
      ({TokenCache}) => new TokenCache(join(dataDir(this.env), 'appliance-tokens.json'), {warn: this.options.warn}),
    )
    return this.applianceTokens
  }

  /** Stops the sandbox this command started for --sandbox, if it did. */
  async close(): Promise<void> {
    await this.stopEmbeddedSandbox?.()
  }
}
