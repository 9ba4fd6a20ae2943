import {readFile} from 'node:fs/promises'

import type {Got} from 'got'

import {apiOrigin, credentialsOf, type CitrixClient} from '../citrix/client.js'
import {endpoints} from '../citrix/endpoints.js'
import {hostsOfRegion} from '../citrix/regions.js'
import type {Settings} from '../config/settings.js'
import type {ConfigStore} from '../config/store.js'
import {CtxError, ExitCode, type ExitCodeValue} from '../errors.js'
import {networkErrorFrom} from '../http/errors.js'
import {proxyFor} from '../http/proxy.js'

export type CheckStatus = 'pass' | 'warn' | 'fail'

export interface DoctorCheck {
  name: string
  status: CheckStatus
  message: string
  hint?: string
  /** For a failure: the exit code the same problem gives any other command. */
  exitCode?: ExitCodeValue
}

export interface DoctorOptions {
  openStore: () => ConfigStore
  settings: () => Promise<Settings>
  /** A got instance that trusts this CA bundle too: the settings' one, or none when the check found it unreadable. */
  http: (caBundle: string | undefined) => Got | Promise<Got>
  /** A Citrix client on that got instance, for the token check. */
  citrix: (settings: Settings, http: Got) => CitrixClient | Promise<CitrixClient>
  env?: NodeJS.ProcessEnv
  now?: () => number
}

// Tokens carry their expiry; a clock this far off makes fresh tokens look expired (or stale ones valid).
export const maxClockSkewMs = 2 * 60_000

const pass = (name: string, message: string): DoctorCheck => ({name, status: 'pass', message})
const warn = (name: string, message: string, hint: string): DoctorCheck => ({name, status: 'warn', message, hint})

/** A hint that sends the user to `ctx doctor` is no help inside it: that part is dropped. */
function hintInsideDoctor(hint: string | undefined): string | undefined {
  return hint?.replace(/\s*\(`ctx doctor`[^)]*\)/, '')
}

function fail(name: string, error: unknown): DoctorCheck {
  if (error instanceof CtxError)
    return {name, status: 'fail', message: error.message, hint: hintInsideDoctor(error.hint), exitCode: error.exitCode}
  return {name, status: 'fail', message: (error as Error).message, exitCode: ExitCode.bug}
}

/** Strips a user and password from a proxy URL before it is shown. */
function shownProxy(proxy: string): string {
  try {
    const url = new URL(proxy)
    url.username = ''
    url.password = ''
    return url.href
  } catch {
    return proxy
  }
}

async function checkCaBundle(path: string | undefined): Promise<DoctorCheck> {
  if (!path) return pass('CA bundle', 'none set: the system CAs only')
  try {
    const pem = await readFile(path, 'utf8')
    // The same check as every other command's (exit 3): empty, garbage or no certificate is unusable.
    const {readCaBundle} = await import('../http/client.js')
    try {
      readCaBundle(path)
    } catch (error) {
      return {
        name: 'CA bundle',
        status: 'fail',
        message: (error as Error).message,
        hint: 'Pass a PEM file (-----BEGIN CERTIFICATE----- blocks) with --ca-bundle or CTX_CA_BUNDLE.',
        exitCode: ExitCode.config,
      }
    }
    return pass('CA bundle', `${path} is readable (${pem.match(/-----BEGIN CERTIFICATE-----/g)!.length} certificates)`)
  } catch (error) {
    return {
      name: 'CA bundle',
      status: 'fail',
      message: `${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      hint: 'Fix --ca-bundle or CTX_CA_BUNDLE.',
      exitCode: ExitCode.config,
    }
  }
}

function checkProxy(origin: string, env: NodeJS.ProcessEnv): DoctorCheck {
  const noProxy = env.NO_PROXY ?? env.no_proxy
  const proxy = proxyFor(new URL(origin))
  if (!proxy) return pass('Proxy', `direct to ${new URL(origin).host}${noProxy ? ` (NO_PROXY=${noProxy})` : ''}`)
  try {
    new URL(proxy)
  } catch {
    return {
      name: 'Proxy',
      status: 'fail',
      message: `the proxy "${shownProxy(proxy)}" is not a URL`,
      hint: 'Fix HTTPS_PROXY / HTTP_PROXY (http://host:port).',
      exitCode: ExitCode.config,
    }
  }
  return pass('Proxy', `${new URL(origin).host} through ${shownProxy(proxy)}`)
}

/** Any HTTP answer from the API origin counts: the network, proxy and TLS all worked. */
async function checkReachable(
  http: Got,
  origin: string,
  now: () => number,
): Promise<{check: DoctorCheck; serverDate?: number; localDate?: number}> {
  const started = now()
  try {
    const response = await http.get(`${origin}/`, {throwHttpErrors: false, retry: {limit: 0}, followRedirect: false})
    const serverDate = response.headers.date ? Date.parse(response.headers.date) : undefined
    return {
      check: pass(
        'API host',
        `${new URL(origin).host} answered (HTTP ${response.statusCode}) in ${now() - started} ms`,
      ),
      serverDate,
      localDate: now(),
    }
  } catch (error) {
    return {check: fail('API host', networkErrorFrom(error as {code?: string; message: string}, origin))}
  }
}

/**
 * citrix-api.md section 5: every other host the profile will call answers through the configured proxy
 * and CA bundle, one line per host. Under --api-url each maps to that one origin (sandbox, tests).
 */
async function checkHosts(http: Got, settings: Settings, now: () => number): Promise<DoctorCheck[]> {
  const apiHost = new URL(apiOrigin({region: settings.region})).host
  const hosts = hostsOfRegion(endpoints, settings.region).filter((host) => host !== apiHost)
  return Promise.all(
    hosts.map(async (host) => {
      const origin = settings.apiUrl ?? `https://${host}`
      const started = now()
      const proxy = proxyFor(new URL(origin))
      const via = `${settings.apiUrl ? ` at ${new URL(origin).host}` : ''}${proxy ? ` through ${shownProxy(proxy)}` : ''}`
      try {
        const response = await http.get(`${origin}/`, {
          throwHttpErrors: false,
          retry: {limit: 0},
          followRedirect: false,
        })
        return pass(`Host ${host}`, `answered${via} (HTTP ${response.statusCode}) in ${now() - started} ms`)
      } catch (error) {
        return fail(`Host ${host}`, networkErrorFrom(error as {code?: string; message: string}, origin))
      }
    }),
  )
}

function checkClock(serverDate: number | undefined, localDate: number | undefined): DoctorCheck {
  if (serverDate === undefined || localDate === undefined || Number.isNaN(serverDate)) {
    return warn('Clock', 'not compared: the API host gave no Date', 'Check the clock yourself (NTP).')
  }
  const skewMs = localDate - serverDate
  const seconds = Math.round(Math.abs(skewMs) / 1000)
  if (Math.abs(skewMs) > maxClockSkewMs) {
    return warn(
      'Clock',
      `${seconds} s ${skewMs > 0 ? 'ahead of' : 'behind'} the API host`,
      'Sync the clock (NTP): tokens may look expired too early or too late.',
    )
  }
  return pass('Clock', `within ${seconds} s of the API host`)
}

/** Config, credentials, proxy, CA bundle, reachability, a token and the clock; each passes, warns or fails. */
export async function runDoctorChecks(options: DoctorOptions): Promise<DoctorCheck[]> {
  const env = options.env ?? process.env
  const now = options.now ?? Date.now
  const checks: DoctorCheck[] = []
  try {
    checks.push(pass('Config', `${options.openStore().path} is readable`))
  } catch (error) {
    return [fail('Config', error)] // every other check reads the settings in it
  }
  let settings: Settings
  try {
    settings = await options.settings()
  } catch (error) {
    return [...checks, fail('Credentials', error)]
  }
  let credentialsOk = false
  try {
    const {customerId, clientId} = credentialsOf(settings)
    checks.push(
      pass(
        'Credentials',
        `customer ${customerId}, client ${clientId}, secret from ${settings.secretSource ?? 'nowhere'} (profile ${settings.profile})`,
      ),
    )
    credentialsOk = true
  } catch (error) {
    checks.push(fail('Credentials', error))
  }
  const origin = apiOrigin(settings)
  checks.push(checkProxy(origin, env))
  const ca = await checkCaBundle(settings.caBundle)
  checks.push(ca)
  const http = await options.http(ca.status === 'fail' ? undefined : settings.caBundle)
  const reachable = await checkReachable(http, origin, now)
  checks.push(reachable.check)
  checks.push(...(await checkHosts(http, settings, now)))
  if (credentialsOk && reachable.check.status === 'pass') {
    try {
      const token = await (await options.citrix(settings, http)).accessToken(true)
      checks.push(pass('Token', `Citrix Cloud issued a token valid until ${new Date(token.expiresAt).toISOString()}`))
    } catch (error) {
      checks.push(fail('Token', error))
    }
  } else {
    checks.push(
      warn(
        'Token',
        'not requested',
        credentialsOk ? 'The API host must answer first.' : 'Credentials are needed first.',
      ),
    )
  }
  checks.push(checkClock(reachable.serverDate, reachable.localDate))
  return checks
}
