import {CitrixApiError, exitCodeForStatus} from '../errors.js'
import {errorParameters, parseErrorEnvelope, type CitrixErrorEnvelope} from '../http/citrix-error-body.js'
import {isHttpError, isRequestError, networkErrorFrom} from '../http/errors.js'
import {oversizedReplyBytes, replyTooLargeError} from '../http/reply-body.js'

export interface ErrorResponse {
  statusCode: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

const transactionHeaders = ['citrix-transactionid', 'cc-transactionid', 'x-cws-transactionid']

export function transactionIdOf(headers: ErrorResponse['headers']): string | undefined {
  for (const name of transactionHeaders) {
    const value = headers[name]
    if (typeof value === 'string' && value) return value
  }
  return undefined
}

/**
 * [doc] Licensing sends `error_description` as a JSON string inside JSON:
 * `{"error_description":"{\"Code\":400,\"Message\":\"Invalid time format.\",...}"}`.
 */
function describe(envelope: CitrixErrorEnvelope): string | undefined {
  if (envelope.detail) return envelope.detail
  const description = envelope.error_description
  if (!description) return envelope.error
  try {
    const inner = JSON.parse(description) as {Message?: string; Details?: string}
    return inner.Message ?? inner.Details ?? description
  } catch {
    return description
  }
}

const defaultHints: Partial<Record<number, string>> = {
  401: 'Check the API client with `ctx auth status`, or log in again with `ctx auth login`.',
  403: 'The API client lacks a permission for this call: give it a role that allows it in Citrix Cloud > Identity and Access Management > API Access.',
  406: 'Citrix Cloud accepts only `Accept: application/json` here; this is a bug in ctx, please report it.',
  429: 'Citrix Cloud is rate limiting this customer; wait a little, or raise --max-retries.',
  503: 'Citrix Cloud is unavailable just now; try again later, or raise --max-retries.',
}

/** Turns an error answer into a CitrixApiError carrying status, Citrix's detail and the transaction id. */
function citrixErrorFrom(response: ErrorResponse, hints: Partial<Record<number, string>> = {}): CitrixApiError {
  const envelope = parseErrorEnvelope(response.body)
  const status = response.statusCode
  return new CitrixApiError({
    status,
    detail: describe(envelope) ?? (response.body.slice(0, 200) || 'no details given'),
    errorType: envelope.type,
    transactionId: transactionIdOf(response.headers),
    parameters: errorParameters(envelope),
    exitCode: exitCodeForStatus(status),
    hint: hints[status] ?? defaultHints[status] ?? (status >= 500 ? defaultHints[503] : undefined),
  })
}

/** "GET host/path" of a request, for an error that must name the call. */
function callOf(error: {options?: {method?: string}}, url: string): string {
  const {host, pathname} = new URL(url)
  return `${error.options?.method ?? 'The request to'} ${host}${pathname}`
}

/**
 * The one mapping of got's errors to ctx's: an answer outside 2xx becomes a CitrixApiError (status,
 * Citrix's detail, the transaction id, a hint for the status), no answer at all exit 8 naming the host,
 * and anything else stays as it is.
 */
export function errorFromGot(error: unknown, url: string, hints?: Partial<Record<number, string>>): unknown {
  if (isHttpError(error)) {
    const {statusCode, headers, body} = error.response
    return citrixErrorFrom({statusCode, headers, body: String(body)}, hints)
  }
  if (isRequestError(error)) {
    const bytes = oversizedReplyBytes(error)
    if (bytes !== undefined) return replyTooLargeError(callOf(error, url), bytes)
    return networkErrorFrom(error, url)
  }
  return error
}
