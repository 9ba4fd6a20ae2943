import type {Server} from 'node:http'
import type {AddressInfo} from 'node:net'

// Listening and closing, shared by the cloud's HTTP server and the appliances' HTTPS servers.

/** Listens on 127.0.0.1 only (0 picks a free port) and resolves with the port taken. */
export function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  })
}

/** Closes the server and drops its kept-alive connections, so that closing does not wait for clients. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
