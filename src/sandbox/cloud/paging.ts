import {ok, type SandboxReply, type SandboxRequest} from '../http/router.js'

// Paging with `limit` and an opaque `continuationToken`, as Citrix's lists do. The services differ in
// their page sizes and in how they word a bad parameter; the mechanics are these, once.

/** The rows of a list from row `start` on, and the row the next page starts at (none after the last page). */
export interface Page<T> {
  items: T[]
  next?: number
}

export interface PagingRules {
  /** The page size when the request gives no `limit`; `all`: every item in one answer, as `limit=-1` then asks too. */
  defaultLimit: number | 'all'
  maxLimit: number
  /** The service's 400 for a `limit` out of range, and for a token it did not hand out. */
  badLimit(): SandboxReply
  badToken(): SandboxReply
}

// The token is opaque to clients; here it carries the index of the next row.
const encodeToken = (offset: number) => Buffer.from(JSON.stringify({offset})).toString('base64url')

function decodeToken(token: string): number | undefined {
  try {
    const {offset} = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {offset?: unknown}
    return Number.isInteger(offset) && (offset as number) >= 0 ? (offset as number) : undefined
  } catch {
    return undefined
  }
}

/** The page size asked for: the rules' default without `limit`, `all` for -1 where that means every item, undefined when out of range. */
function pageSize(text: string | null, rules: PagingRules): number | 'all' | undefined {
  if (text === null) return rules.defaultLimit
  const limit = Number(text)
  if (limit === -1 && rules.defaultLimit === 'all') return 'all'
  return Number.isInteger(limit) && limit >= 1 && limit <= rules.maxLimit ? limit : undefined
}

/**
 * Answers the page a request asks for: `{items, continuationToken}`, the token null on the last page
 * (or `{items}` alone when every item is asked for), else the service's 400.
 */
export function pagedReply<T>(
  request: SandboxRequest,
  rules: PagingRules,
  page: (start: number, limit: number) => Page<T>,
): SandboxReply {
  const limit = pageSize(request.query.get('limit'), rules)
  if (limit === 'all') return ok({items: page(0, Number.POSITIVE_INFINITY).items})
  if (limit === undefined) return rules.badLimit()
  const token = request.query.get('continuationToken')
  const start = token ? decodeToken(token) : 0
  if (start === undefined) return rules.badToken()
  const {items, next} = page(start, limit)
  return ok({items, continuationToken: next === undefined ? null : encodeToken(next)})
}

/** The pages of a list of `size` rows whose row i is made (or looked up) on demand. */
export function tablePages<T>(size: number, row: (index: number) => T): (start: number, limit: number) => Page<T> {
  return (start, limit) => {
    const end = Math.min(size, start + limit)
    return {
      items: Array.from({length: Math.max(0, end - start)}, (_, i) => row(start + i)),
      next: end < size ? end : undefined,
    }
  }
}
