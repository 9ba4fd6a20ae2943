import {createHash} from 'node:crypto'
import {join} from 'node:path'

import {readJsonIfExists, writeJsonAtomic} from '../util/atomic-file.js'
import {asLocalIoError, localIoReason} from '../util/local-io.js'
import {dataDir} from './paths.js'

export interface CachedToken {
  accessToken: string
  /** Epoch milliseconds. */
  expiresAt: number
}

// A token is reused until this long before it expires, so that a call never starts with a dying token.
export const tokenRenewMarginMs = 60_000

export interface TokenCacheOptions {
  /** Told when a token cannot be saved (a full or read-only data folder): the run goes on without the cache. */
  warn?: (message: string) => void
}

/** Tokens per profile, API origin and client, in a 0600 file of the data dir. */
export class TokenCache {
  constructor(
    private readonly path = join(dataDir(), 'tokens.json'),
    private readonly options: TokenCacheOptions = {},
  ) {}

  /**
   * The secret is part of the (hashed) key: a changed secret must not reuse a token the old one got.
   * The profile leads in clear, so that `ctx auth logout` can drop a profile's tokens.
   */
  static keyFor(parts: {
    profile: string
    origin: string
    protocol?: string
    customerId: string
    clientId: string
    clientSecret: string
  }): string {
    // Under --api-url both protocols share one origin: the protocol keeps their tokens apart.
    const fields = [
      parts.profile,
      parts.origin,
      parts.customerId,
      parts.clientId,
      parts.clientSecret,
      ...(parts.protocol && parts.protocol !== 'oauth' ? [parts.protocol] : []),
    ]
    const hash = createHash('sha256').update(fields.join('\n')).digest('hex')
    return `${encodeURIComponent(parts.profile)}:${hash}`
  }

  async get(key: string, now = Date.now()): Promise<CachedToken | undefined> {
    const entry = (await this.read())[key]
    return entry && entry.expiresAt - tokenRenewMarginMs > now ? entry : undefined
  }

  /**
   * Saves a token for the next runs. The cache only spares a token request: a token that cannot be
   * saved is a warning (through `options.warn`), never a failure of the command that got it.
   */
  async set(key: string, token: CachedToken): Promise<void> {
    const all = await this.read()
    all[key] = token
    for (const [k, v] of Object.entries(all)) if (v.expiresAt < Date.now()) delete all[k]
    try {
      await writeJsonAtomic(this.path, all)
    } catch (error) {
      this.options.warn?.(
        `The token cache ${this.path} cannot be written: ${localIoReason(error)}. The token is used for this run only.`,
      )
    }
  }

  /** Drops every token of a profile; returns how many there were. */
  async deleteProfile(profile: string): Promise<number> {
    const all = await this.read()
    const keys = Object.keys(all).filter((key) => key.startsWith(`${encodeURIComponent(profile)}:`))
    for (const key of keys) delete all[key]
    if (keys.length > 0) await this.write(all)
    return keys.length
  }

  /** Dropping tokens (logout) must not fail silently: a token left behind would still work. */
  private async write(all: Record<string, CachedToken>): Promise<void> {
    try {
      await writeJsonAtomic(this.path, all)
    } catch (error) {
      throw asLocalIoError(error, `Cannot write the token cache ${this.path}`)
    }
  }

  private async read(): Promise<Record<string, CachedToken>> {
    try {
      return (await readJsonIfExists<Record<string, CachedToken>>(this.path)) ?? {}
    } catch {
      return {} // A damaged cache only costs a new token.
    }
  }
}
