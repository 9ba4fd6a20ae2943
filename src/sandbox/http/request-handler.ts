import {randomUUID} from 'node:crypto'
import type {IncomingMessage, ServerResponse} from 'node:http'

import type {SandboxStore} from '../state/store.js'
import {checkCwsAuth} from './cws-auth.js'
import type {FaultInjector} from './faults.js'
import type {RequestLog} from './request-log.js'
import {
  citrixError,
  compileRoute,
  matchRoute,
  type CompiledRoute,
  type SandboxContext,
  type SandboxReply,
  type SandboxRequest,
  type SandboxRoute,
} from './router.js'

/** What the cloud server and the appliance servers share: one state, one fault injector, one request log. */
export interface SandboxRuntime {
  store: SandboxStore
  faults: FaultInjector
  log: RequestLog
  /** The ids of the appliances listening in this process: a reset puts them back into the new state. */
  runningAppliances?: string[]
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw))
  return JSON.parse(raw)
}

function send(response: ServerResponse, reply: SandboxReply, transactionId: string): void {
  const headers: Record<string, string> = {
    'citrix-transactionid': transactionId,
    'cache-control': 'no-cache, no-store',
    ...reply.headers,
  }
  if (reply.body === undefined) {
    response.writeHead(reply.status, headers).end()
    return
  }
  headers['content-type'] = 'application/json; charset=utf-8'
  response.writeHead(reply.status, headers).end(JSON.stringify(reply.body))
}

/**
 * The request handler shared by the cloud server and the appliance servers: routing, faults,
 * CwsAuth, the request log and Citrix's transaction id on every answer.
 */
export function createRequestHandler(routes: SandboxRoute[], runtime: SandboxRuntime) {
  const compiled: CompiledRoute[] = routes.map(compileRoute)
  const context: SandboxContext = {store: runtime.store, now: () => new Date()}

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const started = Date.now()
    const url = new URL(request.url ?? '/', 'http://sandbox')
    const method = request.method ?? 'GET'
    const transactionId = (request.headers['citrix-transactionid'] as string | undefined) ?? randomUUID()
    const isControl = url.pathname.startsWith('/_sandbox/')
    let reply: SandboxReply
    try {
      const fault = isControl ? undefined : await runtime.faults.before(method, url.pathname)
      if (fault?.kind === 'drop') {
        request.socket.destroy()
        return
      }
      reply = fault?.reply ?? (await dispatch(compiled, request, method, url, context))
    } catch (error) {
      reply = citrixError(500, 'common/internalError', `Sandbox error: ${(error as Error).message}`)
    }
    if (!isControl) reply = {...reply, headers: {...runtime.faults.rateHeaders(), ...reply.headers}}
    send(response, reply, transactionId)
    if (!isControl) {
      runtime.log.add({
        at: new Date(started).toISOString(),
        method,
        url: url.pathname + url.search,
        status: reply.status,
        ms: Date.now() - started,
        transactionId: request.headers['citrix-transactionid'] as string | undefined,
        contentType: request.headers['content-type'],
        accept: request.headers.accept,
      })
    }
  }
}

async function dispatch(
  routes: CompiledRoute[],
  request: IncomingMessage,
  method: string,
  url: URL,
  context: SandboxContext,
): Promise<SandboxReply> {
  const match = matchRoute(routes, method, url.pathname)
  if (match === undefined) return citrixError(404, 'common/notFound', `No route for ${url.pathname}`)
  if (match === 'method')
    return citrixError(405, 'common/methodNotAllowed', `${method} is not allowed on ${url.pathname}`)
  const rawBody = await readBody(request)
  let body: unknown
  try {
    body = parseBody(rawBody, request.headers['content-type'])
  } catch {
    return citrixError(400, 'common/badRequest', 'The request body is not valid JSON')
  }
  const sandboxRequest: SandboxRequest = {
    method,
    path: url.pathname,
    params: match.params,
    query: url.searchParams,
    headers: request.headers,
    rawBody,
    body,
  }
  if (match.route.auth === 'cws') {
    const claims = checkCwsAuth(sandboxRequest, await context.store.read())
    if ('status' in claims) return claims
    sandboxRequest.claims = claims
  }
  return match.route.handle(sandboxRequest, context)
}
