import {randomUUID} from 'node:crypto'
import {X509Certificate} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {rootCertificates} from 'node:tls'

import got, {type CancelableRequest, type Got, type Options, type Response, type RetryObject} from 'got'

import {ConfigError} from '../errors.js'
import {RequestBudgets, type RequestPacer, type RequestTiming} from './pacer.js'
import {proxyAgentFor} from './proxy.js'
import {redactBody, redactHeaders} from './redact.js'
import {markOversized, maxReplyBytes} from './reply-body.js'
import {retryAfterHeaderMs, retryBaseMs, retryDelayMs, retryDelayParameterMs} from './retry.js'
import {userAgent} from './user-agent.js'

export interface HttpOptions {
  maxRetries: number
  /** PEM file of extra CAs, trusted beside the system's own. */
  caBundle?: string
  /** Called with each line of the --debug log, already redacted. */
  debugLog?: (line: string) => void
  /** The most one request may take, answer included (CTX_REQUEST_TIMEOUT_MS); default requestTimeoutMs. */
  requestTimeoutMs?: number
  /** Requests a second per customer, pinned (the `rate-limit` setting); else learned from the answers. */
  rateLimit?: number
  /** Called before each retry's wait, so that a wait of seconds is never silent. */
  onRetry?: (retry: RetryNotice) => void
  /** The command's request budgets, when another client of the same command spends them too. */
  budgets?: RequestBudgets
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
  const wait =
    retry.delayMs >= 1000 ? `${Math.round(retry.delayMs / 1000)} s` : `${(retry.delayMs / 1000).toFixed(1)} s`
  const host = URL.canParse(retry.url) ? ` from ${new URL(retry.url).host}` : ''
  return `${retry.reason}${host}, retrying in ${wait}, ${retry.attempt} of ${retry.limit}`
}

// Issue 15, item 8: a server that stalls mid-body must not hang ctx. Beside the connect and header
// waits, a socket that stays silent this long, or one request (one page of a list) taking this long
// in all, ends the request (exit 8 after the retries). A streaming export pages, and each page is its
// own request: a long export is never cut by these, a stalled page is.
export const connectTimeoutMs = 10_000
export const responseTimeoutMs = 60_000
export const idleSocketTimeoutMs = 30_000
export const requestTimeoutMs = 120_000

/** got's timeouts: CTX_REQUEST_TIMEOUT_MS caps every one of them (the tests use a short one). */
export function timeoutsFor(limitMs = requestTimeoutMs): {
  connect: number
  response: number
  socket: number
  request: number
} {
  const cap = (ms: number) => Math.min(ms, limitMs)
  return {
    connect: cap(connectTimeoutMs),
    response: cap(responseTimeoutMs),
    socket: cap(idleSocketTimeoutMs),
    request: limitMs,
  }
}

// [doc] Citrix: 429 and 503 say "try again"; 500 is retried for idempotent calls only.
export const retryStatusCodes = [429, 500, 502, 503, 504]
export const idempotentMethods = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'] as const

const pemCertificate = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g

/**
 * The certificates of a PEM bundle, each checked. Issue 15, item 20: a bundle that is empty, garbage or
 * holds no certificate is refused here (exit 3), before any request, rather than taken silently and
 * then blamed by a TLS error that says "pass --ca-bundle".
 */
export function readCaBundle(path: string): string[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigError(`The CA bundle ${path} cannot be read: ${(error as Error).message}`, {
      hint: 'Pass a PEM file with --ca-bundle or CTX_CA_BUNDLE.',
    })
  }
  const certificates = text.match(pemCertificate) ?? []
  const unusable = (why: string) =>
    new ConfigError(`The CA bundle ${path} is not usable: ${why}.`, {
      hint: 'Pass a PEM file of CA certificates (-----BEGIN CERTIFICATE----- blocks) with --ca-bundle or CTX_CA_BUNDLE.',
    })
  if (certificates.length === 0) throw unusable(text.trim() === '' ? 'it is empty' : 'it holds no PEM certificate')
  certificates.forEach((pem, index) => {
    try {
      new X509Certificate(pem)
    } catch (error) {
      throw unusable(`certificate ${index + 1} cannot be read (${(error as Error).message})`)
    }
  })
  return [...rootCertificates, ...certificates]
}

function bodyOf(options: Pick<Options, 'json' | 'form' | 'body'>): string {
  if (options.json !== undefined) return JSON.stringify(options.json)
  if (options.form !== undefined) return new URLSearchParams(options.form as Record<string, string>).toString()
  return typeof options.body === 'string' ? options.body : ''
}

/** A reply's body as text, whether got was asked for text or for the bytes. */
function textOf(body: unknown): string | undefined {
  return Buffer.isBuffer(body) || typeof body === 'string' ? String(body) : undefined
}

function delayFor(retry: RetryObject): number {
  if (retry.computedValue === 0) return 0 // got has decided not to retry (limit, method or status)
  const response = retry.error.response
  const hint = response
    ? (retryAfterHeaderMs(response.headers['retry-after'] as string | undefined) ??
      retryDelayParameterMs(textOf(response.body)))
    : undefined
  return retryDelayMs(retry.attemptCount, hint, retryBaseMs())
}

/** The one got instance of ctx: timeouts, retries, proxy, CA bundle, transaction ids and the redacted debug log. */
export function createHttpClient(options: HttpOptions): Got {
  const log = options.debugLog
  const certificateAuthority = options.caBundle ? readCaBundle(options.caBundle) : undefined
  const started = new WeakMap<object, number>()
  // Every request of this client spends its customer's one budget (src/http/pacer.ts), so that
  // concurrent workers (bulk removal, exports) share Citrix's rate limit instead of each hitting it.
  const budgets = options.budgets ?? new RequestBudgets({pinned: options.rateLimit})
  const budgetOf = (headers: Record<string, unknown>): RequestPacer => {
    const customer = headers['citrix-customerid']
    return budgets.for(typeof customer === 'string' ? customer : undefined)
  }

  // Token taken at `started`; the socket written at `timings.upload` (both this process's clock).
  const timingOf = (response: Response): RequestTiming | undefined => {
    const reservedAt = started.get(response.request.options as object)
    const {upload, phases} = response.timings
    if (reservedAt === undefined || upload === undefined) return undefined
    return {sendDelayMs: upload - reservedAt, firstByteMs: phases.firstByte}
  }

  return got.extend({
    timeout: timeoutsFor(options.requestTimeoutMs),
    headers: {'user-agent': userAgent()},
    // Issue 15, item 9: a body is never buffered past maxReplyBytes. The declared length is checked as
    // the answer starts, the bytes as they come; a body too large cancels the request, which the
    // callers report as exit 8 (oversizedReplyBytes) instead of holding hundreds of MB.
    handlers: [
      (handlerOptions, next) => {
        const result = next(handlerOptions)
        if (handlerOptions.isStream) return result
        const request = result as CancelableRequest
        request.on('downloadProgress', (progress) => {
          const bytes = Math.max(progress.transferred, progress.total ?? 0)
          if (bytes > maxReplyBytes && markOversized(handlerOptions, bytes)) request.cancel()
        })
        return result
      },
    ],
    retry: {
      limit: options.maxRetries,
      methods: [...idempotentMethods],
      statusCodes: retryStatusCodes,
      maxRetryAfter: Number.POSITIVE_INFINITY,
      calculateDelay: (retry) => {
        const ms = delayFor(retry)
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
          const budget = budgetOf(request.headers)
          for (let wait = budget.reserve(); wait > 0; wait = budget.reserve())
            await new Promise((resolve) => setTimeout(resolve, wait))
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
          budgetOf(response.request.options.headers).observe(response.statusCode, response.headers, timingOf(response))
          if (log) {
            const ms = Date.now() - (started.get(response.request.options as object) ?? Date.now())
            log(`← ${response.statusCode} ${response.url} (${ms} ms)`)
            log(`  headers ${JSON.stringify(redactHeaders(response.headers))}`)
            const body = textOf(response.body)
            if (body) log(`  body ${redactBody(body)}`)
          }
          return response
        },
      ],
    },
  })
}
