import type {IncomingHttpHeaders} from 'node:http'

import type {Endpoint, HttpMethod} from '../../citrix/endpoints.js'
import type {SandboxStore} from '../state/store.js'
import type {TokenClaims} from './tokens.js'

export interface SandboxRequest {
  method: string
  path: string
  params: Record<string, string>
  query: URLSearchParams
  headers: IncomingHttpHeaders
  rawBody: string
  /** Parsed JSON or form body; undefined when there is none. */
  body: unknown
  /** Set on routes with `auth: 'cws'`: the verified token's claims. */
  claims?: TokenClaims
}

export interface SandboxReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface SandboxContext {
  store: SandboxStore
  now(): Date
}

/** How a route checks its caller: Citrix Cloud's CwsAuth token, or nothing (token endpoint, sandbox controls). */
export type RouteAuth = 'cws' | 'none'

export interface SandboxRoute {
  method: HttpMethod
  /** Path template, `{name}` for a parameter; Citrix routes take it from the endpoint table. */
  path: string
  auth: RouteAuth
  handle(request: SandboxRequest, context: SandboxContext): Promise<SandboxReply> | SandboxReply
  /** The row it serves, when it serves one: its Gov path is served as well (see `withGovPaths`). */
  endpoint?: Endpoint
}

/** A route that serves one row of the endpoint table, so the CLI and the sandbox share each path. */
export function serve(endpoint: Endpoint, auth: RouteAuth, handle: SandboxRoute['handle']): SandboxRoute {
  return {method: endpoint.method, path: endpoint.path, auth, handle, endpoint}
}

/**
 * Under --api-url every host maps to the sandbox's one origin, paths kept: a Gov profile calls the
 * rows' Gov paths (`/{customerId}/resourcelocations`), which the same handlers answer.
 */
export function withGovPaths(routes: SandboxRoute[]): SandboxRoute[] {
  return routes.flatMap((route) => {
    const gov = route.endpoint?.gov
    return gov && gov.path !== route.path ? [route, {...route, path: gov.path}] : [route]
  })
}

export interface CompiledRoute {
  route: SandboxRoute
  pattern: RegExp
  names: string[]
}

export function compileRoute(route: SandboxRoute): CompiledRoute {
  const names: string[] = []
  const source = route.path
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1]
      if (name) {
        names.push(name)
        return '([^/]+)'
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    .join('')
  return {route, pattern: new RegExp(`^${source}$`), names}
}

export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  path: string,
): {route: SandboxRoute; params: Record<string, string>} | 'method' | undefined {
  let pathMatched = false
  for (const compiled of routes) {
    const match = compiled.pattern.exec(path)
    if (!match) continue
    pathMatched = true
    if (compiled.route.method !== method) continue
    const params: Record<string, string> = {}
    compiled.names.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1]!)))
    return {route: compiled.route, params}
  }
  return pathMatched ? 'method' : undefined
}

/** [doc] The common error envelope: `{type, detail, parameters}`. */
export function citrixError(
  status: number,
  type: string,
  detail: string,
  parameters?: Record<string, string>,
): SandboxReply {
  return {
    status,
    body: {
      type: `https://errors-api.cloud.com/${type}`,
      detail,
      ...(parameters ? {parameters: Object.entries(parameters).map(([name, value]) => ({name, value}))} : {}),
    },
  }
}

export const ok = (body: unknown, status = 200): SandboxReply => ({status, body})
