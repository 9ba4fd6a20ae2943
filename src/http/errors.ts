import type {HTTPError, RequestError} from 'got'

// got's error classes, recognised by shape rather than `instanceof`, so that code which only
// handles errors (the Citrix client, on a cached-token path) need not load got itself.

export function isRequestError(error: unknown): error is RequestError {
  return error instanceof Error && 'options' in error && 'timings' in error
}

/** An HTTP answer outside 2xx (got's HTTPError): it carries the response. */
export function isHttpError(error: unknown): error is HTTPError {
  return isRequestError(error) && error.name === 'HTTPError'
}
