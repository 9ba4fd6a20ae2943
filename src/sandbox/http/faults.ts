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
  /** Requests a second before 429; 0 means no limit. */
  rateLimitPerSecond: number
  /** What 429 and 503 answers tell the client to wait (Retry-After and retryDelay). */
  retryAfterSeconds: number
  routes: RouteFault[]
}

export const noFaults: FaultConfig = {latencyMs: 0, failureRate: 0, rateLimitPerSecond: 0, retryAfterSeconds: 1, routes: []}

export type FaultOutcome = {kind: 'reply'; reply: SandboxReply} | {kind: 'drop'} | undefined

/** Decides, request by request, which fault (if any) strikes; deterministic for a seed. */
export class FaultInjector {
  config: FaultConfig
  private random: Random
  private windowStart = 0
  private windowCount = 0

  constructor(config: Partial<FaultConfig> = {}, seed = 1) {
    this.config = {...noFaults, ...config, routes: [...(config.routes ?? [])]}
    this.random = createRandom(seed)
  }

  set(config: Partial<FaultConfig>): void {
    this.config = {...this.config, ...config, routes: [...(config.routes ?? this.config.routes)]}
  }

  async before(method: string, path: string, now = Date.now()): Promise<FaultOutcome> {
    const {latencyMs, rateLimitPerSecond, failureRate, retryAfterSeconds} = this.config
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))

    if (rateLimitPerSecond > 0) {
      if (now - this.windowStart >= 1000) {
        this.windowStart = now
        this.windowCount = 0
      }
      this.windowCount += 1
      if (this.windowCount > rateLimitPerSecond) return this.busy(429, retryAfterSeconds)
    }

    const routeFault = this.config.routes.find((f) => (!f.method || f.method === method) && path.startsWith(f.path) && f.count !== 0)
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
        ? citrixError(429, 'common/rateLimitExceeded', `Rate limit exceeded; try again in ${seconds} seconds`, {retryDelay: String(seconds)})
        : citrixError(503, 'common/serviceUnavailable', 'Service unavailable', {retryDelay: String(seconds)})
    reply.headers = {'retry-after': String(seconds)}
    return {kind: 'reply', reply}
  }
}
