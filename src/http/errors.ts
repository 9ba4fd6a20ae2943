import type {HTTPError, RequestError} from 'got'

import {UnavailableError, type CtxError} from '../errors.js'

// got's error classes, recognised by shape rather than `instanceof`, so that code which only
// handles errors (the Citrix client, on a cached-token path) need not load got itself; and what a
// request that got no answer at all becomes.

export function isRequestError(error: unknown): error is RequestError {
  return error instanceof Error && 'options' in error && 'timings' in error
}

/** An HTTP answer outside 2xx (got's HTTPError): it carries the response. */
export function isHttpError(error: unknown): error is HTTPError {
  return isRequestError(error) && error.name === 'HTTPError'
}

const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
])

export function isTlsErrorCode(code: string | undefined): boolean {
  return code !== undefined && tlsCodes.has(code)
}

/** A request that got no HTTP answer: refused, timed out, DNS, or a certificate ctx does not trust. */
export function networkErrorFrom(error: {code?: string; message: string}, url: string): CtxError {
  const host = new URL(url).host
  if (isTlsErrorCode(error.code)) {
    return new UnavailableError(`The TLS certificate of ${host} is not trusted (${error.code}).`, {
      hint: 'A proxy may be re-signing traffic: pass its CA with --ca-bundle <pem> or CTX_CA_BUNDLE.',
    })
  }
  if (error.code === 'ETIMEDOUT') {
    // got's message says which wait ran out ("Timeout awaiting 'socket' for 30000ms").
    return new UnavailableError(`${host} stopped answering: ${error.message}.`, {
      hint: 'The server accepted the request but stalled; check the network and proxy, or try again later. CTX_REQUEST_TIMEOUT_MS sets the longest wait per request.',
    })
  }
  return new UnavailableError(`Cannot reach ${host}: ${error.code ?? error.message}.`, {
    hint: 'Check the network, HTTPS_PROXY/NO_PROXY, and the region or --api-url (`ctx doctor` checks them all).',
  })
}
