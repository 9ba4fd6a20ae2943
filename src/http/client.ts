import {randomUUID} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {rootCertificates} from 'node:tls'

import got, {type Got, type Options, type RetryObject} from 'got'

import {ConfigError} from '../errors.js'
import {RequestPacer} from './pacer.js'
import {proxyAgentFor} from './proxy.js'
import {redactBody, redactHeaders} from './redact.js'
import {retryAfterHeaderMs, retryBaseMs, retryDelayMs, retryDelayParameterMs} from './retry.js'

export interface HttpOptions {
  maxRetries: number
  /** PEM file of extra CAs, trusted beside the system's own. */
  caBundle?: string
  /** Called with each line of the --debug log, already redacted. */
  debugLog?: (line: string) => void
  /** Called before each retry's wait, so that a wait of seconds is never silent. */
  onRetry?: (retry: RetryNotice) => void
}

/** One retry about to wait: why (an HTTP status or a network error code), how long, and which try of how many. */
export interface RetryNotice {
  reason: string
  delayMs: number
  attempt: number
  limit: number
  url: string
}

/** `503, retrying in 4 s, 2 of 4`: the line a retry shows on stderr. */
export function retryLine(retry: RetryNotice): string {
  const wait = retry.delayMs >= 1000 ? `${Math.round(retry.delayMs / 1000)} s` : `${(retry.delayMs / 1000).toFixed(1)} s`
  const host = URL.canParse(retry.url) ? ` from ${new URL(retry.url).host}` : ''
  return `${retry.reason}${host}, retrying in ${wait}, ${retry.attempt} of ${retry.limit}`
}

// [doc] Citrix: 429 and 503 say "try again"; 500 is retried for idempotent calls only.
export const retryStatusCodes = [429, 500, 502, 503, 504]
export const idempotentMethods = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'] as const

function readCaBundle(path: string): string[] {
  try {
    return [...rootCertificates, readFileSync(path, 'utf8')]
  } catch (error) {
    throw new ConfigError(`The CA bundle ${path} cannot be read: ${(error as Error).message}`, {
      hint: 'Pass a PEM file with --ca-bundle or CTX_CA_BUNDLE.',
    })
  }
}

function bodyOf(options: Pick<Options, "json" | "form" | "body">): string {
  if (options.json !== undefined) return JSON.stringify(options.json)
  if (options.form !== undefined) return new URLSearchParams(options.form as Record<string, string>).toString()
  return typeof options.body === 'string' ? options.body : ''
}

function delayFor(retry: RetryObject): number {
  if (retry.computedValue === 0) return 0 // got has decided not to retry (limit, method or status)
  const response = retry.error.response
  const hint = response
    ? (retryAfterHeaderMs(response.headers['retry-after'] as string | undefined) ??
      retryDelayParameterMs(typeof response.body === 'string' ? response.body : undefined))
    : undefined
  return retryDelayMs(retry.attemptCount, hint, retryBaseMs())
}

/** The one got instance of ctx: timeouts, retries, proxy, CA bundle, transaction ids and the redacted debug log. */
export function createHttpClient(options: HttpOptions): Got {
  const log = options.debugLog
  const certificateAuthority = options.caBundle ? readCaBundle(options.caBundle) : undefined
  const started = new WeakMap<object, number>()
  // A 429 pauses every request of this client, not only the one that got it: concurrent workers
  // (bulk removal, exports) then wait out the rate limit together instead of each hitting it again.
  let pausedUntil = 0
  const pacer = new RequestPacer()

  return got.extend({
    timeout: {connect: 10_000, response: 60_000},
    retry: {
      limit: options.maxRetries,
      methods: [...idempotentMethods],
      statusCodes: retryStatusCodes,
      maxRetryAfter: Number.POSITIVE_INFINITY,
      calculateDelay: (retry) => {
        const ms = delayFor(retry)
        if (retry.error.response?.statusCode === 429) {
          pacer.rateLimited()
          if (ms > 0) pausedUntil = Math.max(pausedUntil, Date.now() + ms)
        }
        // Told here, not in beforeRetry: got runs that hook after the wait, too late to say how long it is.
        if (ms > 0) {
          options.onRetry?.({
            reason: String(retry.error.response?.statusCode ?? retry.error.code),
            delayMs: ms,
            attempt: retry.attemptCount,
            limit: options.maxRetries,
            url: String(retry.error.options.url ?? ''),
          })
        }
        return ms
      },
    },
    https: certificateAuthority ? {certificateAuthority} : {},
    hooks: {
      beforeRequest: [
        async (request) => {
          const pause = Math.max(pausedUntil - Date.now(), 0)
          if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause))
          const slot = pacer.reserve()
          if (slot > 0) await new Promise((resolve) => setTimeout(resolve, slot))
          request.headers['citrix-transactionid'] ??= randomUUID()
          const url = new URL(String(request.url))
          const agent = proxyAgentFor(url, certificateAuthority ? {ca: certificateAuthority} : {})
          if (agent) request.agent = {http: agent, https: agent as import('node:https').Agent}
          started.set(request, Date.now())
          if (log) {
            log(`→ ${request.method} ${url.href}`)
            log(`  headers ${JSON.stringify(redactHeaders(request.headers))}`)
            const body = bodyOf(request)
            if (body) log(`  body ${redactBody(body)}`)
          }
        },
      ],
      beforeRetry: [
        (error, retryCount) => {
          log?.(`↻ retry ${retryCount} after ${error.response?.statusCode ?? error.code}`)
        },
      ],
      afterResponse: [
        (response) => {
          if (log) {
            const ms = Date.now() - (started.get(response.request.options as object) ?? Date.now())
            log(`← ${response.statusCode} ${response.url} (${ms} ms)`)
            log(`  headers ${JSON.stringify(redactHeaders(response.headers))}`)
            const body = Buffer.isBuffer(response.body) || typeof response.body === 'string' ? String(response.body) : ''
            if (body) log(`  body ${redactBody(body)}`)
          }
          return response
        },
      ],
    },
  })
}
