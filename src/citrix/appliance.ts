import type {Got} from 'got'

import type {CachedToken} from '../config/token-cache.js'
import {AuthError, CitrixApiError, UnavailableError, UsageError} from '../errors.js'
import {endpoints, type Endpoint} from './endpoints.js'
import {errorFromGot} from './errors.js'
import {missingField, optionalString, requiredString} from './wire.js'
import {registerSecret} from '../http/redact.js'
import {parseJsonReply} from '../http/reply-body.js'
import {isRedirectStatus, locationHost} from './redirects.js'

// The Connector Appliance's local API (section 2 of citrix-api.md): wire types exactly as given,
// and a client that logs in with the admin password and keeps the 15-minute Bearer token.

export type Deployment = 'production' | 'productionjp'
export const deployments: Deployment[] = ['production', 'productionjp']

/** [doc] An appliance registering to the Japan region is sent `productionjp`; every other region `production`. */
export function deploymentForRegion(region: string | undefined): Deployment {
  return region === 'jp' ? 'productionjp' : 'production'
}

/** [doc] GET /credentials. */
export interface CredentialsStatusWire {
  credentialsAreSetup: boolean
}

/** [model] POST /$login. */
export interface LoginReplyWire {
  token: string
  expiresIn: number
}

/** [doc] POST /registration body: snake_case here. */
export interface StartRegistrationWire {
  name: string
  deployment: Deployment
  resource_location_id: string
}

/** [doc] POST /registration → 201. `pollingInterval` is in seconds [model]. */
export interface RegistrationCodeReplyWire {
  code: string
  pollingInterval: number
  status: 'Unregistered' | 'Registered'
  verificationUrl: string
  expiryTimestamp: string
}

/** [doc] GET /registration; `code` and `expiryTimestamp` while a code is pending [model]. */
export interface RegistrationStatusWire {
  status: 'Registered' | 'Unregistered'
  code?: string
  expiryTimestamp?: string
}

/** [doc] POST /unattendedRegistration body: camelCase here; resourceLocationId optional. */
export interface UnattendedRegistrationWire {
  applianceName: string
  clientId: string
  clientSecret: string
  deployment: Deployment
  resourceLocationId?: string
}

export const adminUser = 'admin'

/** [doc] Where the code is entered, when the appliance does not say. */
const consoleRegistrationsUrl = 'https://citrix.cloud.com/identity/api-access/product-registrations'

/** An appliance address: `addr[:port]` or an https URL; port 443 unless given. `key` is `host:port`. */
export interface ApplianceAddress {
  hostname: string
  port: number
  key: string
  origin: string
}

export function parseApplianceAddress(input: string): ApplianceAddress {
  let url: URL
  try {
    url = new URL(/^https?:\/\//i.test(input) ? input : `https://${input.trim()}`)
  } catch {
    throw new UsageError(`"${input}" is not an appliance address.`, {
      hint: 'Pass --host with an address such as 10.0.0.5 or ca-01.corp.example:8443.',
    })
  }
  if (url.protocol !== 'https:' || (url.pathname !== '/' && url.pathname !== '') || url.search) {
    throw new UsageError(`"${input}" is not an appliance address.`, {
      hint: 'Pass --host with an address such as 10.0.0.5 or ca-01.corp.example:8443 (https only).',
    })
  }
  const port = url.port ? Number(url.port) : 443
  const hostname = url.hostname.replace(/^\[|\]$/g, '')
  return {hostname, port, key: `${url.hostname}:${port}`, origin: `https://${url.hostname}:${port}`}
}

/** Where the client keeps its token between invocations (the data dir), and how it gets the password when it must log in again. */
export interface ApplianceSession {
  readToken(): Promise<CachedToken | undefined>
  saveToken(token: CachedToken): Promise<void>
  /** Asked only when a (new) login is needed; the caller decides where the password comes from. */
  password(): Promise<string>
  /** The first admin password, for an appliance that has none yet (set, then logged in with, as `ctx appliance login` does). */
  firstPassword?(): Promise<string>
}

/** A 401 about the token itself (expired or unknown), as opposed to one about credentials in the body. */
function isTokenRefusal(error: CitrixApiError): boolean {
  return error.status === 401 && /authentication details/i.test(error.detail)
}

export class ApplianceClient {
  private token?: string

  constructor(
    private readonly http: Got,
    readonly address: ApplianceAddress,
    private readonly session: ApplianceSession,
  ) {}

  async credentialsAreSetup(): Promise<boolean> {
    const reply = await this.send<unknown>(endpoints.applianceCredentialsStatus)
    const value = optionalString(reply, 'credentialsAreSetup')
    if (value !== 'true' && value !== 'false')
      throw missingField(endpoints.applianceCredentialsStatus, 'credentialsAreSetup')
    return value === 'true'
  }

  /** [seen] Sets the first admin password; 409 when one is set already [model]. */
  async setFirstPassword(password: string): Promise<void> {
    registerSecret(password)
    await this.send(endpoints.applianceSetCredentials, {username: adminUser, password})
  }

  /**
   * [model] POST /$login: a token valid 15 minutes, cached for the other commands. The one modelled
   * step of the appliance flow (citrix-api.md section 2): Citrix documents that an admin logs in and
   * gets a 15-minute Bearer token, not the call's path or fields. Keep every guess about it here.
   */
  async login(password: string, now = Date.now()): Promise<CachedToken> {
    registerSecret(password)
    let reply: unknown
    try {
      reply = await this.send<unknown>(endpoints.applianceLogin, {username: adminUser, password})
    } catch (error) {
      if (error instanceof CitrixApiError && error.status === 401) {
        throw new AuthError(`The appliance ${this.address.key} refused the admin password (401: ${error.detail}).`, {
          hint: 'Check the password (CTX_APPLIANCE_PASSWORD, --password-stdin or the prompt) and log in again with `ctx appliance login`.',
        })
      }
      // No such call on this appliance: ctx's model of the login is wrong for its version.
      if (error instanceof CitrixApiError && (error.status === 404 || error.status === 405)) {
        throw new UnavailableError(
          `The appliance ${this.address.key} answered ${error.status} to POST ${endpoints.applianceLogin.path}: this appliance does not answer ctx's login call; please report the appliance version.`,
          {
            hint: "ctx's appliance login is modelled, not published by Citrix. Report the version shown on the appliance's console with this message at the project's issue tracker.",
          },
        )
      }
      throw error
    }
    const accessToken = requiredString(endpoints.applianceLogin, reply, 'token', 'access_token', 'Token')
    // [doc] 15 minutes when the reply does not say.
    const expiresIn = Number(optionalString(reply, 'expiresIn', 'expires_in') ?? 900)
    const token = {accessToken, expiresAt: now + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 900) * 1000}
    registerSecret(token.accessToken)
    await this.session.saveToken(token)
    this.token = token.accessToken
    return token
  }

  /** The code and its expiry are needed (to show and to wait); the polling interval is 30 s when not sent. */
  async startRegistration(body: StartRegistrationWire): Promise<RegistrationCodeReplyWire> {
    const endpoint = endpoints.applianceStartRegistration
    const reply = await this.authorized<unknown>(endpoint, body)
    const interval = Number(optionalString(reply, 'pollingInterval'))
    return {
      code: requiredString(endpoint, reply, 'code'),
      pollingInterval: Number.isFinite(interval) && interval > 0 ? interval : 30,
      status: (optionalString(reply, 'status') ?? 'Unregistered') as RegistrationCodeReplyWire['status'],
      verificationUrl: optionalString(reply, 'verificationUrl') ?? consoleRegistrationsUrl,
      expiryTimestamp: requiredString(endpoint, reply, 'expiryTimestamp'),
    }
  }

  registrationStatus(): Promise<RegistrationStatusWire> {
    return this.readStatus(endpoints.applianceRegistrationStatus)
  }

  unattendedRegistration(body: UnattendedRegistrationWire): Promise<RegistrationStatusWire> {
    registerSecret(body.clientSecret)
    return this.readStatus(endpoints.applianceUnattendedRegistration, body)
  }

  /** `status` is needed; an unknown value is kept as it is. */
  private async readStatus(endpoint: Endpoint, json?: unknown): Promise<RegistrationStatusWire> {
    const reply = await this.authorized<unknown>(endpoint, json)
    const code = optionalString(reply, 'code')
    const expiryTimestamp = optionalString(reply, 'expiryTimestamp')
    return {
      status: requiredString(endpoint, reply, 'status') as RegistrationStatusWire['status'],
      ...(code === undefined ? {} : {code}),
      ...(expiryTimestamp === undefined ? {} : {expiryTimestamp}),
    }
  }

  /** A call behind the Bearer token: the cached one, else a login; an expired one is renewed once, transparently. */
  private async authorized<T>(endpoint: Endpoint, json?: unknown): Promise<T> {
    this.token ??= (await this.session.readToken())?.accessToken
    registerSecret(this.token)
    if (!this.token) await this.logInBySession()
    try {
      return await this.send<T>(endpoint, json)
    } catch (error) {
      if (!(error instanceof CitrixApiError) || !isTokenRefusal(error)) throw error
      await this.logInBySession()
      return this.send<T>(endpoint, json)
    }
  }

  /**
   * Logs in with the session's password. A refusal from an appliance that has no admin password yet sets
   * the first one (the session's), then logs in with it: what `ctx appliance login` does. Asking whether
   * one is set only after a refusal costs nothing on the usual path.
   */
  private async logInBySession(): Promise<void> {
    try {
      await this.login(await this.session.password())
    } catch (error) {
      if (!(error instanceof AuthError) || !this.session.firstPassword || (await this.credentialsAreSetup()))
        throw error
      const password = await this.session.firstPassword()
      await this.setFirstPassword(password)
      await this.login(password)
    }
  }

  private async send<T>(endpoint: Endpoint, json?: unknown): Promise<T> {
    const url = this.address.origin + endpoint.path
    let response
    try {
      response = await this.http(url, {
        method: endpoint.method,
        headers: {accept: 'application/json', ...(this.token ? {authorization: `Bearer ${this.token}`} : {})},
        json,
        // Issue 15, item 21: a redirect would re-post the body (the $login password, a client secret)
        // to whatever it names. An appliance answers itself: any 3xx is refused below, exit 8.
        followRedirect: false,
      })
    } catch (error) {
      throw this.mapError(error, url)
    }
    if (isRedirectStatus(response.statusCode)) {
      const to = locationHost(response.headers.location, new URL(url))
      throw new UnavailableError(
        `The appliance ${this.address.key} answered ${endpoint.method} ${endpoint.path} with ${response.statusCode}, a redirect${to ? ` to ${to}` : ''}: ctx never follows an appliance's redirect.`,
        {
          hint: 'Check --host: it must name the appliance itself. Something else (a proxy, a load balancer, a fake server) is answering there.',
        },
      )
    }
    return parseJsonReply<T>(
      String(response.body),
      `${endpoint.method} ${this.address.key}${endpoint.path}`,
      response.headers['content-type'],
    ) as T
  }

  /** errorFromGot's mapping, with a message that names the appliance rather than Citrix Cloud. */
  private mapError(error: unknown, url: string): unknown {
    const mapped = errorFromGot(error, url)
    if (!(mapped instanceof CitrixApiError)) return mapped
    const txn = mapped.transactionId ? ` (transaction id ${mapped.transactionId})` : ''
    return new CitrixApiError({
      status: mapped.status,
      detail: mapped.detail,
      errorType: mapped.errorType,
      transactionId: mapped.transactionId,
      parameters: mapped.parameters,
      exitCode: mapped.exitCode,
      message: `The appliance ${this.address.key} answered ${mapped.status}: ${mapped.detail}${txn}`,
      hint: mapped.status === 401 ? 'Log in again with `ctx appliance login`.' : undefined,
    })
  }
}
