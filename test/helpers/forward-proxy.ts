import {createServer, request as httpRequest} from 'node:http'
import type {AddressInfo} from 'node:net'

export interface ForwardProxy {
  url: string
  /** The absolute URLs asked of the proxy, in order. */
  seen: string[]
  close(): Promise<void>
}

/**
 * A tiny forwarding HTTP proxy (no CONNECT): every request, whatever host it names, goes to
 * 127.0.0.1 on the port it names. Proves that HTTP_PROXY is used for a plain-http api-url.
 */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = []
  const server = createServer((request, response) => {
    const target = new URL(request.url ?? '/')
    seen.push(target.href)
    const upstream = httpRequest({host: '127.0.0.1', port: target.port, path: target.pathname + target.search, method: request.method, headers: request.headers}, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(response)
    })
    upstream.on('error', () => response.writeHead(502).end())
    request.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
