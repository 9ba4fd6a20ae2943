import {UnavailableError} from '../errors.js'

// Issue 15, item 9: what a server answers is read with limits. A body is buffered only up to a size
// that no Citrix reply comes near, and a body that is not the JSON the contract promises (a captive
// portal's HTML page with status 200, a proxy's login page) is exit 8 naming the call, the content
// type and how the body starts, not a parse error reported as a bug.

/** The largest body ctx buffers for one reply. A page of 1,000 licensed users is about 250 KB. */
export const maxReplyBytes = 8 * 1024 * 1024

/** The requests cancelled because their body grew past maxReplyBytes, by their options (what got's error carries). */
const oversized = new WeakMap<object, number>()

/** Marks a request as cancelled for its size; false when it was already. */
export function markOversized(options: object, bytes: number): boolean {
  if (oversized.has(options)) return false
  oversized.set(options, bytes)
  return true
}

/** A request error that is ctx's own cancel of a body too large to buffer: how many bytes had come. */
export function oversizedReplyBytes(error: unknown): number | undefined {
  const options = (error as {options?: object} | undefined)?.options
  return options ? oversized.get(options) : undefined
}

/** How many characters of a body that is not JSON an error shows. */
const shownCharacters = 80

/** The start of a body, on one line and with no control characters, for an error message. */
export function bodyExcerpt(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim()
  return flat.length > shownCharacters ? `${flat.slice(0, shownCharacters)}…` : flat
}

/** Parses a reply that must be JSON (or empty); anything else is exit 8 naming the call. */
export function parseJsonReply<T>(text: string, call: string, contentType: string | undefined): T | undefined {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as T
  } catch {
    throw new UnavailableError(
      `${call} was answered with a body that is not JSON (content type ${contentType || 'none'}): "${bodyExcerpt(text)}"`,
      {
        hint: 'A proxy, a captive portal or a fake server may be answering in its place: check the network, the region and --api-url.',
      },
    )
  }
}

/** A body larger than maxReplyBytes: exit 8 naming the call, nothing more buffered. */
export function replyTooLargeError(call: string, bytes?: number): UnavailableError {
  const size = bytes === undefined ? '' : ` (${Math.round(bytes / 1024 / 1024)} MB so far)`
  return new UnavailableError(
    `${call} was answered with a body larger than ${maxReplyBytes / 1024 / 1024} MB${size}: ctx reads no more of it.`,
    {
      hint: 'No Citrix reply is this large: a proxy or a fake server may be answering in its place. Check the region and --api-url.',
    },
  )
}

/** Where a reply is needed and a field has the wrong type: exit 8 naming the call and the field. */
export function wrongTypeError(call: string, field: string, expected: string, value: unknown): UnavailableError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value
  return new UnavailableError(
    `${call} was answered with a field "${field}" of the wrong type: ${expected} expected, ${got} found.`,
    {
      hint: 'The reply does not follow the Citrix contract: a proxy or a fake server may be answering in its place, or the API changed.',
    },
  )
}
