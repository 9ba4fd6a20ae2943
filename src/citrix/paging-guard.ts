import {UnavailableError} from '../errors.js'
import {wrongTypeError} from '../http/reply-body.js'

// Issue 15, item 7, and the contract's paging rule: "A token that repeats, or more pages than the
// reply's own count could need, ends the export with exit 8". A server that hands out tokens for ever
// (empty pages, or no count to check against) meets these budgets instead of being asked 49,000 times.
/** Pages in a row with no items but a token: a real list does not do this for long. */
export const maxEmptyPagesInARow = 10
/** The most pages of one list, whatever the server says (a million rows in pages of 100 is 10,000). */
export const maxPagesPerList = 50_000

/** The total a reply may state (`totalCount`, `total`, `count`, `totalItems`), when it is a number. */
function statedCount(body: unknown): number | undefined {
  if (!body || typeof body !== 'object') return undefined
  for (const key of ['totalCount', 'total', 'count', 'totalItems']) {
    const value = (body as Record<string, unknown>)[key]
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value
  }
  return undefined
}

function endlessPagingError(call: string, why: string): UnavailableError {
  return new UnavailableError(`${call} kept paging: ${why}. ctx stopped asking; nothing was written.`, {
    hint: 'The server does not page as Citrix Cloud does: a proxy or a fake server may be answering in its place. Check the region and --api-url.',
  })
}

/**
 * Follows one list's `continuationToken` for whoever pages it (the client's `pages`, the registrations
 * list): reads the token of each page, and ends with exit 8 on a token of the wrong type, one handed out
 * before, too many empty pages in a row, more pages than the stated count needs, or too many pages.
 */
export class PagingGuard {
  private readonly seen = new Set<string>()
  private pages = 0
  private emptyInARow = 0

  constructor(
    private readonly call: string,
    private pageSize?: number,
  ) {}

  /** The token to ask the next page with, or undefined when the list is complete. */
  next(body: unknown, itemCount: number, names: readonly string[] = ['continuationToken']): string | undefined {
    this.pages++
    const record = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
    const name = names.find((n) => record[n] !== undefined && record[n] !== null)
    const token: unknown = name === undefined ? undefined : record[name]
    if (token !== undefined && typeof token !== 'string')
      throw wrongTypeError(this.call, name!, 'a string or null', token)
    if (token === undefined || token === '') return undefined
    if (this.seen.has(token))
      throw endlessPagingError(this.call, `page ${this.pages} handed back a continuationToken it had handed out before`)
    this.seen.add(token)
    this.emptyInARow = itemCount === 0 ? this.emptyInARow + 1 : 0
    if (this.emptyInARow >= maxEmptyPagesInARow)
      throw endlessPagingError(this.call, `${this.emptyInARow} pages in a row had no items but a continuationToken`)
    if (this.pages >= maxPagesPerList) throw endlessPagingError(this.call, `more than ${maxPagesPerList} pages`)
    this.pageSize ??= itemCount || undefined
    const count = statedCount(body)
    if (count !== undefined && this.pageSize && this.pages >= Math.ceil(count / this.pageSize) + 1) {
      throw endlessPagingError(
        this.call,
        `page ${this.pages} still had a continuationToken, though ${count} items in pages of ${this.pageSize} need ${Math.ceil(count / this.pageSize)}`,
      )
    }
    return token
  }
}
