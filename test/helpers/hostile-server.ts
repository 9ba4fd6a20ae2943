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
} satisfies Record<string, (context: ModeContext) => void>

export type HostileMode = keyof typeof modes

async function record(listener: Listener, request: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return {listener, method: request.method ?? '', url: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString()}
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
