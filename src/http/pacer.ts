import {retryAfterHeaderMs} from './retry.js'

// One request budget per customer, shared by every request of a command, so that concurrent
// workers (bulk removal, an export's next page) spend Citrix's rate limit together.
//
// The budget is a client-side token bucket that mirrors the service's. Its rate is, in order:
// - pinned by the `rate-limit` setting (the admin knows the tenant's limit);
// - learned from rate headers where the service sends them [model: Citrix publishes none; the
//   sandbox sends `RateLimit-Policy: <rate>;w=1;burst=<burst>` and `RateLimit-Remaining`, and the
//   common `RateLimit-Limit`/`X-RateLimit-*` forms are read too];
// - learned from 429s alone: the rate the service let through in the last second (or the
//   contract's ~10 a second when there is no second of history yet), lowered on each further 429
//   and raised slowly while no 429 comes (additive increase, multiplicative decrease).
// Until any of these, requests are not paced at all. A 429 pauses the whole budget for its
// Retry-After unless the rate is known from headers (then the bucket alone is enough).

/** What one answer says about the limit; every field optional. */
export interface RateHints {
  /** Requests a second. */
  rate?: number
  burst?: number
  /** Whole requests left in the service's bucket after this one. */
  remaining?: number
}

type Headers = Record<string, string | string[] | undefined>

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

const positive = (text: string | undefined): number | undefined => {
  const value = Number(text)
  return text !== undefined && text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : undefined
}

/** Reads `RateLimit-Policy: q;w=s;burst=b`, else `RateLimit-Limit`/`X-RateLimit-Limit` (a second's quota), and `…-Remaining`. */
export function rateHintsFrom(headers: Headers): RateHints {
  const hints: RateHints = {}
  const policy = header(headers, 'ratelimit-policy')
  if (policy) {
    const [quota, ...parameters] = policy
      .split(',')[0]!
      .split(';')
      .map((part) => part.trim())
    const named = Object.fromEntries(parameters.map((p) => p.split('=').map((s) => s.trim()) as [string, string]))
    const q = positive(quota)
    const w = positive(named.w) ?? 1
    if (q !== undefined) hints.rate = q / w
    hints.burst = positive(named.burst) ?? (q !== undefined && w === 1 ? q : undefined)
  } else {
    const limit = positive(header(headers, 'ratelimit-limit') ?? header(headers, 'x-ratelimit-limit'))
    if (limit !== undefined) hints.rate = limit
  }
  const remaining = Number(header(headers, 'ratelimit-remaining') ?? header(headers, 'x-ratelimit-remaining'))
  if (
    Number.isFinite(remaining) &&
    remaining >= 0 &&
    (header(headers, 'ratelimit-remaining') ?? header(headers, 'x-ratelimit-remaining')) !== undefined
  ) {
    hints.remaining = remaining
  }
  return hints
}

/** The contract's practical limit [seen]: about 10 requests a second per customer. */
export const contractRatePerSecond = 10
// Paced a little under a learned rate, so that jitter between here and the service does not cost 429s.
const margin = 0.98
const historyMs = 1000
const quietBeforeRaiseMs = 2000
// A first byte this much slower than the fastest is taken as work after the count, not a late count.
const processingJitterMs = 8
// Over a connection already open a request leaves within about this long of taking its token; longer is
// late even before a faster one is seen (the first request's DNS, TCP and TLS: 7 ms to the sandbox here,
// which with a pinned rate and a burst of 1 brought the first page a 429).
const promptSendMs = 1
const raiseFactor = 1.1
const lowerFactor = 0.8

/** When a request really left, and how long the service took to start answering it. */
export interface RequestTiming {
  /** From taking the request's token to the request being written to the socket. */
  sendDelayMs: number
  /** From the request written to the first byte of the answer (got's `timings.phases.firstByte`). */
  firstByteMs?: number
}

export interface PacerOptions {
  /** Requests a second, from the `rate-limit` setting: never learned over. */
  pinned?: number
  now?: () => number
}

export class RequestPacer {
  private rate?: number
  private burst = 1
  private tokens = 0
  private refilled = 0
  private pausedUntil = 0
  private source: 'pinned' | 'headers' | '429' | undefined
  private starts: number[] = []
  private firstStart?: number
  private lastLimited = 0
  private fastestSendMs = Number.POSITIVE_INFINITY
  private fastestFirstByteMs = Number.POSITIVE_INFINITY
  private readonly now: () => number

  constructor(options: PacerOptions = {}) {
    this.now = options.now ?? Date.now
    if (options.pinned !== undefined && options.pinned > 0) {
      this.rate = options.pinned
      this.source = 'pinned'
      this.tokens = 1
    }
  }

  /** Requests a second the budget paces at; undefined while nothing is known. */
  get ceiling(): number | undefined {
    return this.rate
  }

  get learnedFrom(): 'pinned' | 'headers' | '429' | undefined {
    return this.source
  }

  /**
   * 0 when a request may go now (its token is taken), else the milliseconds to wait before asking
   * again. The token is taken only when the request really goes: a request that a busy event loop
   * sends late must not let the next one follow it closer than the service's rate (with a burst of
   * 1, the service's bucket holds no credit for the lateness).
   */
  reserve(): number {
    const now = this.now()
    const pause = this.pausedUntil - now
    if (pause > 0) return Math.ceil(pause)
    if (this.rate !== undefined) {
      if (this.source === '429' && now - this.lastLimited > quietBeforeRaiseMs) {
        this.rate *= raiseFactor
        this.lastLimited = now
      }
      this.advance()
      // A token due within the next millisecond counts as here: a timer fires a millisecond or so late
      // anyway, and waiting for it would add that to every gap (the margin under the rate covers it).
      const dueMs = (1 - this.tokens) / (this.effectiveRate() / 1000)
      if (dueMs >= 1) return Math.ceil(dueMs)
      this.tokens -= 1
    }
    this.firstStart ??= now
    this.starts.push(now)
    while (this.starts.length > 0 && now - this.starts[0]! >= historyMs) this.starts.shift()
    return 0
  }

  /**
   * An answer came back: learn from its rate headers, and from its status when it is 429. `timing`
   * says how late the request really reached the service after its token was taken here.
   */
  observe(status: number, headers: Headers, timing?: RequestTiming): void {
    if (timing) this.chargeLateness(timing)
    const hints = rateHintsFrom(headers)
    if (this.source !== 'pinned' && hints.rate !== undefined) {
      if (this.source !== 'headers') {
        this.refilled = this.now()
        this.tokens = hints.remaining ?? 0
      }
      this.rate = hints.rate
      this.burst = Math.max(1, hints.burst ?? this.burst)
      this.source = 'headers'
    }
    // The service held `remaining` whole tokens (and less than one more) when it answered; a budget
    // that thinks it holds more is behind another client of the same customer.
    if (hints.remaining !== undefined && this.rate !== undefined) {
      this.advance()
      this.tokens = Math.min(this.tokens, hints.remaining + 0.99)
    }
    if (status === 429) this.rateLimited(retryAfterHeaderMs(header(headers, 'retry-after')))
  }

  /** A 429: no more tokens now; without a known rate, learn one and pause every request for the Retry-After. */
  rateLimited(retryAfterMs?: number): void {
    const now = this.now()
    this.advance()
    this.tokens = Math.min(this.tokens, 0)
    if (this.source === 'pinned' || this.source === 'headers') return
    if (retryAfterMs !== undefined && retryAfterMs > 0)
      this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs)
    const recent = this.starts.filter((t) => now - t < historyMs).length
    const history = now - (this.firstStart ?? now)
    // Less than a second of history says little about the rate: start from the contract's figure.
    const evidence = history >= historyMs ? Math.max(1, recent - 1) : contractRatePerSecond
    this.rate =
      this.rate === undefined
        ? evidence
        : Math.max(1, Math.min(this.rate * lowerFactor, Math.max(evidence, this.rate * lowerFactor * lowerFactor)))
    if (this.source !== '429') {
      this.tokens = 0
      this.refilled = now
    }
    this.source = '429'
    this.burst = 1
    this.lastLimited = now
  }

  /**
   * The service counts a request when it arrives, not when its token was taken here. With a burst
   * of 1 the service holds no credit, so a request that reached it late lets the next one, sent on
   * time, arrive too soon after it, and each such 429 costs a whole Retry-After. Lateness is charged
   * to the budget as if the token had been taken that much later, less the slack that pacing under
   * the rate leaves between two requests anyway (and at most half an interval):
   * - leaving late: a send delay (token to socket) longer than the shortest seen (or than a millisecond,
   *   before one that short is seen), as when the event loop was busy writing the previous page, or the
   *   first request opened the connection;
   * - counted late: a first byte slower than the fastest seen by more than the service's ordinary
   *   processing jitter, as when the service's process was not scheduled. Smaller differences are
   *   work done after the count, and charging them would pace below the limit for nothing.
   */
  private chargeLateness({sendDelayMs, firstByteMs}: RequestTiming): void {
    this.fastestSendMs = Math.min(this.fastestSendMs, Math.max(0, sendDelayMs))
    if (firstByteMs !== undefined && firstByteMs >= 0)
      this.fastestFirstByteMs = Math.min(this.fastestFirstByteMs, firstByteMs)
    if (this.rate === undefined) return
    const leftLateMs = Math.max(0, sendDelayMs - Math.min(this.fastestSendMs, promptSendMs))
    const countedLateMs =
      firstByteMs === undefined ? 0 : Math.max(0, firstByteMs - this.fastestFirstByteMs - processingJitterMs)
    const slackMs = 1000 / this.effectiveRate() - 1000 / this.rate
    const lateMs = Math.min(leftLateMs + countedLateMs - slackMs, 500 / this.rate)
    if (lateMs <= 0) return
    this.advance()
    this.tokens -= (lateMs * this.effectiveRate()) / 1000
  }

  private effectiveRate(): number {
    return this.source === 'pinned' ? this.rate! : this.rate! * margin
  }

  private advance(): void {
    if (this.rate === undefined) return
    const now = this.now()
    if (now <= this.refilled) return
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilled) * this.effectiveRate()) / 1000)
    this.refilled = now
  }
}

/**
 * One budget per customer (the Citrix-CustomerId header). A command works for one customer, so
 * calls without that header (the token call) share the command's first budget, and the first
 * customer seen adopts it: what the token call's answer taught then paces the first page.
 */
export class RequestBudgets {
  private readonly budgets = new Map<string, RequestPacer>()
  private fallback?: RequestPacer

  constructor(private readonly options: PacerOptions = {}) {}

  for(customerId: string | undefined): RequestPacer {
    if (customerId === undefined) {
      this.fallback ??= this.budgets.values().next().value ?? new RequestPacer(this.options)
      return this.fallback
    }
    let budget = this.budgets.get(customerId)
    if (!budget) {
      budget = this.budgets.size === 0 && this.fallback ? this.fallback : new RequestPacer(this.options)
      this.budgets.set(customerId, budget)
    }
    return budget
  }
}
