import {createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

import {endpoints} from '../../src/citrix/endpoints.js'
import {compileRoute, serve} from '../../src/sandbox/http/router.js'

// A fake Citrix Cloud on 127.0.0.1 that attacks the client, one mode per attack, for the e2e tests
// of issue 15. Beside it runs a second listener, the "attacker" origin a hostile answer sends ctx to:
// both record every request, so a test can prove what reached whom (a secret, a token).
//
// To add an attack, add a mode to `modes`: a function that answers one recorded request.

/** Which origin a request reached: the fake API ctx is pointed at, or the attacker's. */
export type Listener = 'api' | 'attacker'

export interface RecordedRequest {
  listener: Listener
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface HostileServer {
  /** The fake Citrix API: point CTX_API_URL here. */
  url: string
  /** The second origin, where hostile answers send ctx. */
  attackerUrl: string
  /** Every request either listener received, in order. */
  requests: RecordedRequest[]
  requestsTo(listener: Listener): RecordedRequest[]
  close(): Promise<void>
}

export interface HostileOptions {
  mode: HostileMode
  /** The status a redirecting mode answers with (default 307). */
  redirectStatus?: number
}

/** What a mode answers with: the request, the response, and both origins to send ctx between. */
interface ModeContext {
  request: RecordedRequest
  response: ServerResponse
  url: string
  attackerUrl: string
  redirectStatus: number
}

export const hostileToken = 'hostile-api-token'
export const attackerToken = 'attacker-issued-token'

const tokenRoute = compileRoute(serve(endpoints.token, 'none', () => ({status: 404})))

function isTokenRequest(request: RecordedRequest): boolean {
  return request.method === 'POST' && tokenRoute.pattern.test(new URL(request.url, 'http://x').pathname)
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {'content-type': 'application/json'}).end(JSON.stringify(body))
}

function redirect(response: ServerResponse, status: number, location: string): void {
  response.writeHead(status, {location}).end()
}

/**
 * What a server that looks real answers: a token for a token request, an empty list for anything
 * else. The attacker answers like this too, so that a client which follows it would carry on, exit 0.
 */
function honest(request: RecordedRequest, response: ServerResponse, token: string): void {
  if (isTokenRequest(request)) sendJson(response, 200, {token_type: 'bearer', access_token: token, expires_in: '3600'})
  else sendJson(response, 200, {items: [], continuationToken: null})
}

const modes = {
  /** The token endpoint redirects (302 or 307) to the attacker, which would hand out its own token. */
  'token-redirect'({request, response, attackerUrl, redirectStatus}: ModeContext) {
    if (isTokenRequest(request)) redirect(response, redirectStatus, attackerUrl + request.url)
    else honest(request, response, hostileToken)
  },
  /** A real token, then every API call is redirected to the attacker origin (same path). */
  'api-redirect'({request, response, attackerUrl, redirectStatus}: ModeContext) {
    if (isTokenRequest(request)) honest(request, response, hostileToken)
    else redirect(response, redirectStatus, attackerUrl + request.url)
  },
  /** A real token, then every API call is redirected to itself, for ever. */
  'api-redirect-loop'({request, response, url, redirectStatus}: ModeContext) {
    if (isTokenRequest(request)) honest(request, response, hostileToken)
    else redirect(response, redirectStatus, url + request.url)
  },
  /** Names, versions and Citrix `detail` carrying escape sequences: an OSC title, a screen clear, cursor moves, CR overwriting. */
  'escape-sequences'({request, response}: ModeContext) {
    if (isTokenRequest(request)) honest(request, response, hostileToken)
    else if (request.url.startsWith('/resourcelocations')) {
      sendJson(response, 200, {
        items: [{id: 'rl-1', name: hostileText, internalOnly: false, timeZone: 'UTC\t\u009b2J', readOnly: false}],
      })
    } else
      sendJson(response, 400, {
        type: 'https://errors-api.cloud.com/common/badRequest',
        detail: `Bad request ${hostileText}`,
      })
  },
  /** Every page of a list is empty and hands out a new continuationToken, for ever. */
  'endless-paging'({request, response}: ModeContext) {
    if (isTokenRequest(request)) honest(request, response, hostileToken)
    else sendJson(response, 200, {items: [], continuationToken: `token-${state(response).pages++}`})
  },
  /** Every page of a list has one item and hands back the same continuationToken. */
  'repeated-token'({request, response}: ModeContext) {
    if (isTokenRequest(request)) honest(request, response, hostileToken)
    else sendJson(response, 200, {items: [anyItem], continuationToken: 'the-same-token'})
  },
  /** The answer starts (status, headers, a few bytes of body), then nothing more ever comes. */
  'stall-mid-body'({request, response}: ModeContext) {
    if (isTokenRequest(request)) return honest(request, response, hostileToken)
    response.writeHead(200, {'content-type': 'application/json'})
    response.write('{"items":[')
  },
  /** A body far larger than any Citrix reply (64 MB of JSON whitespace), sent without a length. */
  'huge-body'({request, response}: ModeContext) {
    if (isTokenRequest(request)) return honest(request, response, hostileToken)
    response.writeHead(200, {'content-type': 'application/json'})
    response.write('{"items":[')
    const chunk = ' '.repeat(1024 * 1024)
    let sent = 0
    const pump = () => {
      while (sent < hugeBodyMb && !response.destroyed) {
        sent++
        if (!response.write(chunk)) return void response.once('drain', pump)
      }
      if (!response.destroyed) response.end('],"continuationToken":null}')
    }
    response.on('error', () => {})
    pump()
  },
  /** A captive portal: status 200 and an HTML login page, for every call but the token's. */
  'html-200'({request, response}: ModeContext) {
    if (isTokenRequest(request)) return honest(request, response, hostileToken)
    response.writeHead(200, {'content-type': 'text/html; charset=utf-8'}).end(captivePortalPage)
  },
  /** JSON, but not of the types the contract gives: `items` is a string, a token is a number. */
  'wrong-types'({request, response}: ModeContext) {
    if (isTokenRequest(request)) return honest(request, response, hostileToken)
    if (request.url.startsWith('/resourcelocations')) sendJson(response, 200, {items: 'not a list'})
    else sendJson(response, 200, {items: [], continuationToken: 42})
  },
  /** The token endpoint refuses, quoting the request it got (client_secret included) in its error. */
  'echo-secret'({request, response}: ModeContext) {
    if (isTokenRequest(request))
      sendJson(response, 401, {
        error: 'invalid_client',
        error_description: `Invalid client for request ${request.body}`,
      })
    else honest(request, response, hostileToken)
  },
  /** A real token, then every API call is refused with an error quoting the request's headers (the token). */
  'echo-token'({request, response}: ModeContext) {
    if (isTokenRequest(request)) honest(request, response, hostileToken)
    else
      sendJson(response, 400, {
        type: 'https://errors-api.cloud.com/common/badRequest',
        detail: `Bad request; headers were ${JSON.stringify(request.headers)}`,
      })
  },
  /**
   * License release: the first release call is rate limited (429, Citrix did nothing), the retry
   * succeeds; the second batch gets 503; every later batch succeeds. Users: none expired.
   */
  'rate-limit-release'({request, response}: ModeContext) {
    if (isTokenRequest(request)) return honest(request, response, hostileToken)
    if (request.method !== 'POST' || !request.url.endsWith('/release')) return honest(request, response, hostileToken)
    const call = ++state(response).releaseCalls
    const ids = (JSON.parse(request.body) as {consumerList: string[]}).consumerList
    if (call === 1) {
      response.writeHead(429, {'content-type': 'application/json', 'retry-after': '0'})
      response.end(
        JSON.stringify({
          type: 'https://errors-api.cloud.com/common/rateLimitExceeded',
          detail: 'Rate limit exceeded; try again in 0 seconds',
          parameters: [{name: 'retryDelay', value: '0'}],
        }),
      )
    } else if (call === 3) {
      sendJson(response, 503, {
        type: 'https://errors-api.cloud.com/common/serviceUnavailable',
        detail: 'Service unavailable',
      })
    } else sendJson(response, 200, {releasedCount: ids.length, failed: []})
  },
} satisfies Record<string, (context: ModeContext) => void>

/** Text that would take over a terminal: a window title, a screen clear, cursor moves, a bell, CR overwriting. */
export const hostileText =
  'evil\u001B]0;pwned-title\u0007\u001B[2J\u001B[H\u001B[31mred\rOVERWRITTEN\u009D8;;x\u0007\u0008'

export const captivePortalPage =
  '<!DOCTYPE html><html><head><title>Hotel Wi-Fi login</title></head><body><form>Room number</form></body></html>'

/** Megabytes the huge-body mode sends. */
export const hugeBodyMb = 64

const anyItem = {
  id: 'item-1',
  name: 'item-1',
  instanceID: 'item-1',
  service: 'ConnectorAppliance',
  registrationTime: '2026-01-01T00:00:00Z',
  userId: 'user-1',
  userName: 'user-1',
  licenseAssignedDate: '2026-01-01T00:00:00Z',
  lastLoginDate: '2026-01-01T00:00:00Z',
  licenseStatus: 'Active',
}

/** Counters per server, kept on the response's server. */
function state(response: ServerResponse): {pages: number; releaseCalls: number} {
  const server = (response.socket as unknown as {server: Record<symbol, {pages: number; releaseCalls: number}>}).server
  server[stateKey] ??= {pages: 0, releaseCalls: 0}
  return server[stateKey]
}
const stateKey = Symbol('hostile state')

export type HostileMode = keyof typeof modes

async function record(listener: Listener, request: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return {
    listener,
    method: request.method ?? '',
    url: request.url ?? '/',
    headers: request.headers,
    body: Buffer.concat(chunks).toString(),
  }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

export async function startHostileServer(options: HostileOptions): Promise<HostileServer> {
  const requests: RecordedRequest[] = []
  const answer = modes[options.mode]
  const origins = {url: '', attackerUrl: ''}
  const api = createServer(async (incoming, response) => {
    const request = await record('api', incoming)
    requests.push(request)
    answer({request, response, ...origins, redirectStatus: options.redirectStatus ?? 307})
  })
  const attacker = createServer(async (incoming, response) => {
    const request = await record('attacker', incoming)
    requests.push(request)
    honest(request, response, attackerToken)
  })
  origins.url = await listen(api)
  origins.attackerUrl = await listen(attacker)
  return {
    ...origins,
    requests,
    requestsTo: (listener) => requests.filter((request) => request.listener === listener),
    close: async () => {
      await Promise.all([closeServer(api), closeServer(attacker)])
    },
  }
}
