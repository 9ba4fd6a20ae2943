import {setImmediate} from 'node:timers/promises'

import type {Got} from 'got'

import type {Settings} from '../config/settings.js'
import {TokenCache} from '../config/token-cache.js'
import {ConfigError, UsageError} from '../errors.js'
import {isHttpError} from '../http/errors.js'
import {registerSecret} from '../http/redact.js'
import {parseJsonReply, wrongTypeError} from '../http/reply-body.js'
import {requestCwsToken, requestToken, type ClientCredentials} from './auth.js'
import {endpoints, fillPath, type Endpoint, type TokenProtocol} from './endpoints.js'
import {errorFromGot, transactionIdOf} from './errors.js'
import {isRedirectStatus, nextHop} from './redirects.js'
import {PagingGuard} from './paging-guard.js'
import {defaultProtocol, globalApiHost, hostFor, regionHosts, resolveEndpoint} from './regions.js'

export type Query = Record<string, string | number | boolean | undefined>

export interface CallOptions {
  params?: Record<string, string>
  query?: Query
  json?: unknown
  /** Hints per HTTP status, shown with the error (a 404 that means "code expired", say). */
  hints?: Partial<Record<number, string>>
  /** A POST that is safe to repeat (a 429 answered before anything was done). */
  idempotent?: boolean
  /** A POST retried on 429 only: Citrix did nothing then; after a 5xx it may have done part of it. */
  retryRateLimited?: boolean
}

export interface CitrixResponse<T> {
  status: number
  /** Undefined for an empty body (204). */
  body: T | undefined
  transactionId?: string
}

/** A page of a list that follows `continuationToken` [model]. */
export interface Page<T> {
  items: T[]
  continuationToken?: string | null
}

/** The `items` of a list reply that does not page: a list, or exit 8 naming the call and the field. */
export function itemsOf<T>(body: unknown, endpoint: Endpoint): T[] {
  if (body === undefined) return []
  if (Array.isArray(body)) return body as T[]
  const items = typeof body === 'object' && body !== null ? (body as {items?: unknown}).items : body
  if (items === undefined || items === null) return []
  if (!Array.isArray(items)) throw wrongTypeError(`${endpoint.method} ${endpoint.path}`, 'items', 'a list', items)
  return items as T[]
}

/** "GET host/path" of an endpoint's request, for errors that must name the call. */
export function callName(method: string, url: URL): string {
  return `${method} ${url.host}${url.pathname}`
}

export function apiOrigin(settings: Pick<Settings, 'apiUrl' | 'region'>): string {
  if (settings.apiUrl) return settings.apiUrl
  return `https://${settings.region ? regionHosts[settings.region].apiHost : globalApiHost}`
}

/** The origin of a token protocol's token call: the region's API host (OAuth) or the cws trust host. */
export function tokenOrigin(settings: Pick<Settings, 'apiUrl' | 'region'>, protocol: TokenProtocol): string {
  if (protocol === 'oauth') return apiOrigin(settings)
  return settings.apiUrl ?? `https://${hostFor(endpoints.cwsToken.host, settings.region)!}`
}

/** A call ctx cannot make in the profile's region: Citrix publishes no host for it there (Gov). */
export class UnknownInRegionError extends UsageError {
  constructor(what: string) {
    super(
      `${what} is not known in the Citrix Cloud Government region (gov): Citrix publishes no host for it there, and ctx does not guess one.`,
      {
        hint: 'Use the Citrix Cloud console for it, or a profile of a commercial region.',
      },
    )
  }
}

/** Where a call goes: its origin (--api-url sends every Citrix Cloud call to one origin, keeping the paths), path and token. */
function placeOf(endpoint: Endpoint, settings: Settings): {origin: string; path: string; protocol: TokenProtocol} {
  if (endpoint.host === 'appliance') throw new Error('Appliance endpoints are called through the appliance client')
  const resolved = resolveEndpoint(endpoint, settings.region)
  if (!resolved.known) throw new UnknownInRegionError(`The Citrix Cloud call ${endpoint.method} ${endpoint.path}`)
  const origin = settings.apiUrl ?? `https://${resolved.host}`
  return {origin, path: resolved.path, protocol: resolved.protocol as TokenProtocol}
}

export function credentialsOf(settings: Settings): ClientCredentials {
  const missing = [
    !settings.customerId && 'customer id (CTX_CUSTOMER_ID)',
    !settings.clientId && 'client id (CTX_CLIENT_ID)',
    !settings.clientSecret && 'client secret (CTX_CLIENT_SECRET)',
  ].filter(Boolean)
  if (missing.length > 0) {
    throw new ConfigError(
      `No Citrix Cloud credentials for profile "${settings.profile}": missing ${missing.join(', ')}.`,
      {
        hint: 'Run `ctx auth login`, set the CTX_* environment variables, or try it all with --sandbox.',
      },
    )
  }
  return {customerId: settings.customerId!, clientId: settings.clientId!, clientSecret: settings.clientSecret!}
}

/**
 * Calls Citrix Cloud with the profile's API client: the CwsAuth header, a cached token renewed
 * once on 401, Citrix errors turned into typed errors, and paging.
 */
export class CitrixClient {
  /** One token per protocol: a Gov profile, or a partner's calls, may need both. */
  private readonly tokens: Partial<Record<TokenProtocol, string>> = {}
  private readonly tokenCache: TokenCache

  private resolvedHttp?: Promise<Got>

  /**
   * `http` may be a function that makes the got instance on first use: a command that only reads a
   * cached token (`auth status`) then never loads got at all, which keeps its start-up short.
   */
  constructor(
    private readonly http: Got | (() => Promise<Got>),
    readonly settings: Settings,
    tokenCache?: TokenCache,
    private readonly warn: (message: string) => void = () => {},
  ) {
    // A token that cannot be cached (a full data folder) is a warning: the command goes on.
    this.tokenCache = tokenCache ?? new TokenCache(undefined, {warn})
  }

  get customerId(): string {
    return credentialsOf(this.settings).customerId
  }

  /** The token protocol of the region's own calls: cws in Gov, OAuth elsewhere. */
  get protocol(): TokenProtocol {
    return defaultProtocol(this.settings.region)
  }

  /**
   * A valid access token of a protocol (default: the region's), from the cache or fresh. The cache
   * keeps one per protocol and profile (the origin and protocol are part of its key).
   */
  async accessToken(
    forceNew = false,
    protocol: TokenProtocol = this.protocol,
  ): Promise<{accessToken: string; expiresAt: number; cached: boolean; protocol: TokenProtocol}> {
    const credentials = credentialsOf(this.settings)
    const origin = tokenOrigin(this.settings, protocol)
    const key = TokenCache.keyFor({profile: this.settings.profile, origin, protocol, ...credentials})
    if (!forceNew) {
      const cached = await this.tokenCache.get(key)
      if (cached) {
        registerSecret(cached.accessToken)
        this.tokens[protocol] = cached.accessToken
        return {...cached, cached: true, protocol}
      }
    }
    const request = protocol === 'cws' ? requestCwsToken : requestToken
    const fresh = await request(await this.httpClient(), origin, credentials)
    registerSecret(fresh.accessToken)
    await this.tokenCache.set(key, fresh)
    this.tokens[protocol] = fresh.accessToken
    return {...fresh, cached: false, protocol}
  }

  /** The cached token of a protocol, if one is still valid: no request at all (`auth status --offline`). */
  async cachedToken(
    protocol: TokenProtocol = this.protocol,
  ): Promise<{accessToken: string; expiresAt: number} | undefined> {
    const credentials = credentialsOf(this.settings)
    return this.tokenCache.get(
      TokenCache.keyFor({
        profile: this.settings.profile,
        origin: tokenOrigin(this.settings, protocol),
        protocol,
        ...credentials,
      }),
    )
  }

  async call<T>(endpoint: Endpoint, options: CallOptions = {}): Promise<CitrixResponse<T>> {
    const {origin, path, protocol} = placeOf(endpoint, this.settings)
    const params = {customerId: this.customerId, partnerId: this.customerId, ...options.params}
    const url = new URL(origin + fillPath(path, params))
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value))
    }
    if (!this.tokens[protocol]) await this.accessToken(false, protocol)
    try {
      return await this.send<T>(endpoint, url, options, protocol)
    } catch (error) {
      // [doc] 401 means a missing or expired token: get a new one, once.
      if (isHttpError(error) && error.response.statusCode === 401) {
        await this.accessToken(true, protocol)
        return this.sendMapped<T>(endpoint, url, options, protocol)
      }
      throw errorFromGot(error, url.href, options.hints)
    }
  }

  /**
   * Follows `continuationToken` until it is null, yielding each page's items. The next page is
   * asked for as soon as a page arrives, so that Citrix prepares it while the caller writes this one.
   */
  async *pages<T>(endpoint: Endpoint, options: CallOptions & {limit?: number} = {}): AsyncGenerator<T[]> {
    const fetchPage = (continuationToken?: string): Promise<CitrixResponse<Page<T>>> => {
      const page = this.call<Page<T>>(endpoint, {
        ...options,
        query: {...options.query, limit: options.limit, continuationToken},
      })
      page.catch(() => undefined) // a prefetch the caller never reaches must not be an unhandled rejection
      return page
    }
    const call = `${endpoint.method} ${endpoint.path}`
    const guard = new PagingGuard(call, options.limit)
    let next: Promise<CitrixResponse<Page<T>>> | undefined = fetchPage()
    while (next) {
      const {body}: CitrixResponse<Page<T>> = await next
      if (body !== undefined && (typeof body !== 'object' || body === null))
        throw wrongTypeError(call, '(the page)', 'an object', body)
      // Read tolerantly (citrix-api.md): a bare array is a page of items with no token.
      const items: unknown = Array.isArray(body) ? body : (body?.items ?? [])
      if (!Array.isArray(items)) throw wrongTypeError(call, 'items', 'a list', items)
      const continuationToken = guard.next(body, items.length)
      next = continuationToken ? fetchPage(continuationToken) : undefined
      // got writes the request after a few turns of promises (its hooks are async), and the caller's work on
      // this page (encoding 1,000 rows) would run before them: a turn of the event loop lets it leave first.
      // Measured at 100,000 users: 3.2–4.9 ms from a page's last byte to the next request, 1.6 ms with this.
      if (next) await setImmediate()
      yield items as T[]
    }
  }

  private httpClient(): Promise<Got> {
    const {http} = this
    this.resolvedHttp ??= 'extend' in http ? Promise.resolve(http) : http()
    return this.resolvedHttp
  }

  private async sendMapped<T>(
    endpoint: Endpoint,
    url: URL,
    options: CallOptions,
    protocol: TokenProtocol,
  ): Promise<CitrixResponse<T>> {
    try {
      return await this.send<T>(endpoint, url, options, protocol)
    } catch (error) {
      throw errorFromGot(error, url.href, options.hints)
    }
  }

  /** `visited`: the URLs this call was redirected from, the original first. */
  private async send<T>(
    endpoint: Endpoint,
    url: URL,
    options: CallOptions,
    protocol: TokenProtocol,
    visited: readonly URL[] = [],
  ): Promise<CitrixResponse<T>> {
    const http = await this.httpClient()
    const response = await http(url, {
      method: endpoint.method,
      headers: {
        accept: 'application/json',
        authorization: `CwsAuth Bearer=${this.tokens[protocol]}`,
        'citrix-customerid': this.customerId,
      },
      json: options.json,
      // The bytes, decoded below into a string that dies with the parse. As text, got keeps that string on
      // the response, which outlives a young-generation collection: a page of 1,000 users (200 KB) was then
      // promoted to the old generation each time, and the heap grew by tens of MB over an export.
      responseType: 'buffer',
      followRedirect: false,
      retry: options.idempotent
        ? {methods: [endpoint.method]}
        : options.retryRateLimited
          ? {methods: [endpoint.method], statusCodes: [429], errorCodes: []}
          : {},
    })
    // [seen] A customer homed in another region gets 307 from the global host. nextHop allows that one
    // redirect to a region host over https, where the token belongs, and refuses any other 3xx (exit 8).
    if (isRedirectStatus(response.statusCode)) {
      const next = nextHop(response.statusCode, response.headers.location, [...visited, url])
      this.warn(
        `Citrix Cloud redirected to ${next.host}: set the profile's region (ctx config set region …) to skip this.`,
      )
      return this.send<T>(endpoint, next, options, protocol, [...visited, url])
    }
    const contentType = response.headers['content-type']
    return {
      status: response.statusCode,
      // A captive portal's HTML with status 200 is exit 8 naming the call, not a parse error reported as a bug.
      body: parseJsonReply<T>(response.body.toString('utf8'), callName(endpoint.method, url), contentType),
      transactionId: transactionIdOf(response.headers),
    }
  }
}
