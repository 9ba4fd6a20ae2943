import {createServer} from 'node:http'
import {connect, type AddressInfo} from 'node:net'

export interface ForwardProxy {
  url: string
  /** The `host:port` targets asked of the proxy, in order. */
  seen: string[]
  close(): Promise<void>
}

/**
 * A tiny proxy that tunnels every CONNECT (hpagent tunnels http:// too) to 127.0.0.1 on the port it
 * names, whatever the host. Proves that HTTP_PROXY is used, with a host that resolves nowhere.
 */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = []
  const server = createServer((_request, response) => response.writeHead(405).end())
  server.on('connect', (request, client, head) => {
    const target = request.url ?? ''
    seen.push(target)
    const upstream = connect(Number(target.split(':').pop()), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
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
