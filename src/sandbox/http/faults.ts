import {createRandom, type Random} from '../state/random.js'
import type {SandboxReply} from './router.js'
import {citrixError} from './router.js'

/** A fault aimed at one route: every matching request (or the next `count`) gets `status`, or a dropped connection. */
export interface RouteFault {
  method?: string
  /** A path prefix, such as /resourcelocations or /root/trust/v1/registeredproducts. */
  path: string
  status?: number
  drop?: boolean
  count?: number
}

export interface FaultConfig {
  latencyMs: number
  /** 0..1: this share of requests answers 503 with a retryDelay. */
  failureRate: number
  /** Requests a second the token bucket refills at; past it, 429. 0 means no limit. */
  rateLimitPerSecond: number
  /** The bucket's size: requests that may come at once after a quiet spell. 0 (the default): the rate itself. */
  rateLimitBurst: number
  /** Whether answers carry `RateLimit-Policy` and `RateLimit-Remaining` [model: Citrix publishes no rate headers]. */
  rateLimitHeaders: boolean
  /** What 429 and 503 answers tell the client to wait (Retry-After and retryDelay). */
  retryAfterSeconds: number
  routes: RouteFault[]
}

export const noFaults: FaultConfig = {
  latencyMs: 0,
  failureRate: 0,
  rateLimitPerSecond: 0,
  rateLimitBurst: 0,
  rateLimitHeaders: true,
  retryAfterSeconds: 1,
  routes: [],
}

export type FaultOutcome = {kind: 'reply'; reply: SandboxReply} | {kind: 'drop'} | undefined

/**
 * The rate limit as a true token bucket, one for the whole sandbox (it serves one customer), so
 * that every connection and every concurrent request spends the same tokens: `burst` tokens at
 * most, refilled at `rate` a second, one per request; a request finding less than one is refused.
 */
export class TokenBucket {
  private tokens: number
  private refilled: number

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.tokens = burst
    this.refilled = now
  }

  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (Math.max(0, now - this.refilled) * this.rate) / 1000)
    this.refilled = Math.max(this.refilled, now)
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Whole tokens left. */
  get remaining(): number {
    return Math.floor(this.tokens)
  }

  /** Seconds until a request would be let through again, rounded up as Retry-After must be (at least 1). */
  get secondsToNextToken(): number {
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rate))
  }
}

/** Decides, request by request, which fault (if any) strikes; deterministic for a seed. */
export class FaultInjector {
  config: FaultConfig
  private random: Random
  private bucket?: TokenBucket

  constructor(config: Partial<FaultConfig> = {}, seed = 1) {
    this.config = {...noFaults, ...config, routes: [...(config.routes ?? [])]}
    this.random = createRandom(seed)
  }

  set(config: Partial<FaultConfig>): void {
    this.config = {...this.config, ...config, routes: [...(config.routes ?? this.config.routes)]}
    if (config.rateLimitPerSecond !== undefined || config.rateLimitBurst !== undefined) this.bucket = undefined
  }

  /** The rate headers of an answer, when the limit is on and the sandbox sends them. */
  rateHeaders(): Record<string, string> {
    const {rateLimitPerSecond, rateLimitHeaders} = this.config
    if (!this.bucket || rateLimitPerSecond <= 0 || !rateLimitHeaders) return {}
    return {
      'ratelimit-policy': `${rateLimitPerSecond};w=1;burst=${this.bucket.burst}`,
      'ratelimit-remaining': String(this.bucket.remaining),
    }
  }

  async before(method: string, path: string, now = Date.now()): Promise<FaultOutcome> {
    const {latencyMs} = this.config
    // The limit counts a request when it arrives, as a service does; the latency delays every answer.
    const limited = this.limit(now)
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    if (limited) return limited
    return this.routeOrRandomFault(method, path)
  }

  /** The rate limit's 429, when the bucket has no token for this request. */
  private limit(now: number): FaultOutcome {
    const {rateLimitPerSecond, retryAfterSeconds} = this.config
    if (rateLimitPerSecond > 0) {
      this.bucket ??= new TokenBucket(rateLimitPerSecond, this.config.rateLimitBurst || rateLimitPerSecond, now)
      if (!this.bucket.take(now)) {
        // Retry-After says what the service was configured to say, or when a token comes, whichever is later.
        const outcome = this.busy(
          429,
          Math.max(retryAfterSeconds, retryAfterSeconds > 0 ? this.bucket.secondsToNextToken : 0),
        )
        if (outcome?.kind === 'reply') outcome.reply.headers = {...outcome.reply.headers, ...this.rateHeaders()}
        return outcome
      }
    }
    return undefined
  }

  private routeOrRandomFault(method: string, path: string): FaultOutcome {
    const {failureRate, retryAfterSeconds} = this.config
    const routeFault = this.config.routes.find(
      (f) => (!f.method || f.method === method) && path.startsWith(f.path) && f.count !== 0,
    )
    if (routeFault) {
      if (routeFault.count !== undefined) routeFault.count -= 1
      if (routeFault.drop) return {kind: 'drop'}
      const status = routeFault.status ?? 503
      if (status === 429 || status === 503) return this.busy(status, retryAfterSeconds)
      return {kind: 'reply', reply: citrixError(status, 'common/injectedFault', `Injected fault ${status} (sandbox)`)}
    }

    if (failureRate > 0 && this.random() < failureRate) return this.busy(503, retryAfterSeconds)
    return undefined
  }

  private busy(status: 429 | 503, seconds: number): FaultOutcome {
    const reply =
      status === 429
        ? citrixError(429, 'common/rateLimitExceeded', `Rate limit exceeded; try again in ${seconds} seconds`, {
            retryDelay: String(seconds),
          })
        : citrixError(503, 'common/serviceUnavailable', 'Service unavailable', {retryDelay: String(seconds)})
    reply.headers = {'retry-after': String(seconds)}
    return {kind: 'reply', reply}
  }
}
