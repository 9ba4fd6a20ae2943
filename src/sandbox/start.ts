import {createServer} from 'node:http'

import {startAppliances, type RunningAppliance} from './appliance/servers.js'
import {cloudRoutes} from './cloud/routes.js'
import {controlRoutes} from './http/control-routes.js'
import {FaultInjector, type FaultConfig} from './http/faults.js'
import {closeServer, listen} from './http/listen.js'
import {createRequestHandler, type SandboxRuntime} from './http/request-handler.js'
import {RequestLog} from './http/request-log.js'
import {defaultSettings, type SandboxSettings} from './state/settings.js'
import {SandboxStore} from './state/store.js'

// The sandbox's entry: the simulated Citrix Cloud and its Connector Appliances, started in this process.

export interface SandboxOptions {
  /** Folder of the state file; the same folder gives the same sandbox across restarts. */
  dataDir: string
  /** 0 (the default) picks a free port. */
  port?: number
  settings?: Partial<SandboxSettings>
  /** Throw the old state away and seed anew. */
  reset?: boolean
  faults?: Partial<FaultConfig>
}

/** What a running sandbox exposes to its owner: tests read the log and change faults through it. */
export interface RunningSandbox extends SandboxRuntime {
  url: string
  port: number
  /** The simulated Connector Appliances (`settings.sizes.appliances` of them), each on its own HTTPS port. */
  appliances: RunningAppliance[]
  close(): Promise<void>
}

/** Starts the simulated Citrix Cloud on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const store = new SandboxStore(options.dataDir)
  const state = await store.open(defaultSettings(options.settings), {reset: options.reset})
  const runtime: SandboxRuntime = {
    store,
    faults: new FaultInjector(options.faults, state.settings.seed),
    log: new RequestLog(),
  }
  const routes = [...cloudRoutes, ...controlRoutes(runtime)]
  const handle = createRequestHandler(routes, runtime)
  const server = createServer((request, response) => void handle(request, response))
  const port = await listen(server, options.port ?? 0)
  const appliances = await startAppliances(runtime, state.settings.sizes.appliances)
  runtime.runningAppliances = appliances.appliances.map((a) => a.id)
  const close = async () => void (await Promise.all([closeServer(server), appliances.close()]))
  return {...runtime, port, url: `http://127.0.0.1:${port}`, appliances: appliances.appliances, close}
}
