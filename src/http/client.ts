import {randomUUID} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {rootCertificates} from 'node:tls'

import got, {type Got, type Options, type RetryObject} from 'got'

import {ConfigError} from '../errors.js'
import {RequestBudgets, type RequestPacer} from './pacer.js'
import {proxyAgentFor} from './proxy.js'
import {redactBody, redactHeaders} from './redact.js'
import {retryAfterHeaderMs, retryBaseMs, retryDelayMs, retryDelayParameterMs} from './retry.js'

export interface HttpOptions {
  maxRetries: number
  /** PEM file of extra CAs, trusted beside the system's own. */
  caBundle?: string
  /** Called with each line of the --debug log, already redacted. */
  debugLog?: (line: string) => void
  /** Requests a second per customer, pinned (the `rate-limit` setting); else learned from the answers. */
  rateLimit?: number
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
  // Every request of this client spends its customer's one budget (src/http/pacer.ts), so that
  // concurrent workers (bulk removal, exports) share Citrix's rate limit instead of each hitting it.
  const budgets = new RequestBudgets({pinned: options.rateLimit})
  const budgetOf = (headers: Record<string, unknown>): RequestPacer => {
    const customer = headers['citrix-customerid']
    return budgets.for(typeof customer === 'string' ? customer : undefined)
  }

  return got.extend({
    timeout: {connect: 10_000, response: 60_000},
    retry: {
      limit: options.maxRetries,
      methods: [...idempotentMethods],
      statusCodes: retryStatusCodes,
      maxRetryAfter: Number.POSITIVE_INFINITY,
      calculateDelay: delayFor,
    },
    https: certificateAuthority ? {certificateAuthority} : {},
    hooks: {
      beforeRequest: [
        async (request) => {
          const budget = budgetOf(request.headers)
          for (let wait = budget.reserve(); wait > 0; wait = budget.reserve()) await new Promise((resolve) => setTimeout(resolve, wait))
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
          budgetOf(response.request.options.headers).observe(response.statusCode, response.headers)
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
