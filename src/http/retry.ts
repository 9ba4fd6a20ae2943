import {errorParameters, parseErrorEnvelope} from './citrix-error-body.js'

// How long to wait before the next try. Citrix says how long in two places: the Retry-After
// header and a `retryDelay` parameter of its error envelope; the longer of those and our own
// exponential backoff wins, capped so that a confused server cannot stall a pipeline for ever.

export const maxRetryDelayMs = 60_000

/** Base of the exponential backoff; CTX_RETRY_BASE_MS lets tests retry in milliseconds. */
export function retryBaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.CTX_RETRY_BASE_MS)
  return Number.isFinite(fromEnv) && fromEnv >= 0 && env.CTX_RETRY_BASE_MS !== undefined ? fromEnv : 500
}

export function retryAfterHeaderMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Reads `retryDelay` (seconds) from an error envelope whose parameters are an array or an object. */
export function retryDelayParameterMs(body: string | undefined): number | undefined {
  const value = errorParameters(parseErrorEnvelope(body)).retryDelay
  const seconds = Number(value)
  return value !== undefined && Number.isFinite(seconds) ? seconds * 1000 : undefined
}

export function retryDelayMs(attempt: number, hintMs: number | undefined, baseMs: number): number {
  const backoff = baseMs * 2 ** Math.max(0, attempt - 1)
  const jitter = backoff * 0.2 * Math.random()
  return Math.min(Math.max(hintMs ?? 0, backoff + jitter), maxRetryDelayMs)
}
