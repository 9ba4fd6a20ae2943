import {randomUUID} from 'node:crypto'
import {createServer} from 'node:https'

import {fingerprintOfPem} from '../../util/fingerprint.js'
import {closeServer, listen} from '../http/listen.js'
import {createRequestHandler, type SandboxRuntime} from '../http/request-handler.js'
import type {SandboxStore} from '../state/store.js'
import type {ApplianceState} from '../state/types.js'
import {makeApplianceCertificate} from './certificate.js'
import {applianceRoutes} from './routes.js'

export interface RunningAppliance {
  id: string
  name: string
  url: string
  fingerprint: string
}

const applianceName = (index: number) => `ca-${String(index + 1).padStart(2, '0')}.sandbox.local`

/**
 * Makes the appliances the state lacks (or that lost their certificate in a reset), each with a
 * certificate kept in the state so that its fingerprint stays stable across restarts.
 */
async function ensureAppliances(store: SandboxStore, count: number): Promise<ApplianceState[]> {
  const existing = (await store.read()).appliances
  const made = new Map<number, ApplianceState>()
  for (let i = 0; i < count; i++) {
    const known = existing[i]
    if (known?.certificatePem && known.privateKeyPem) continue
    const name = known?.name || applianceName(i)
    made.set(i, {...known, id: known?.id ?? randomUUID(), name, ...(await makeApplianceCertificate(name))})
  }
  if (made.size === 0) return existing.slice(0, count)
  return store.update((state) => {
    for (const [i, appliance] of made) state.appliances[i] = {...state.appliances[i], ...appliance}
    return state.appliances.slice(0, count)
  })
}

/** Listens on the port the appliance had last (so its address and pinned certificate stay valid), else any. */
async function listenOnPreferredPort(
  server: ReturnType<typeof createServer>,
  port: number | undefined,
): Promise<number> {
  if (port) {
    try {
      return await listen(server, port)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    }
  }
  return listen(server, 0)
}

/**
 * Starts the simulated Connector Appliances: each one an HTTPS server on its own 127.0.0.1 port with
 * its self-signed certificate, sharing the cloud's state, fault injector and request log.
 */
export async function startAppliances(
  runtime: SandboxRuntime,
  count: number,
): Promise<{appliances: RunningAppliance[]; close(): Promise<void>}> {
  const states = await ensureAppliances(runtime.store, count)
  const servers: Array<ReturnType<typeof createServer>> = []
  const appliances: RunningAppliance[] = []
  for (const appliance of states) {
    const handle = createRequestHandler(applianceRoutes(appliance.id), runtime)
    const server = createServer(
      {cert: appliance.certificatePem, key: appliance.privateKeyPem},
      (request, response) => void handle(request, response),
    )
    const port = await listenOnPreferredPort(server, appliance.port)
    servers.push(server)
    appliances.push({
      id: appliance.id,
      name: appliance.name,
      url: `https://127.0.0.1:${port}`,
      fingerprint: fingerprintOfPem(appliance.certificatePem!),
    })
    if (port !== appliance.port) {
      await runtime.store.update((state) => {
        const stored = state.appliances.find((a) => a.id === appliance.id)
        if (stored) stored.port = port
      })
    }
  }
  return {appliances, close: async () => void (await Promise.all(servers.map(closeServer)))}
}
