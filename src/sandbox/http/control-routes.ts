import {defaultSettings, type SandboxSettings} from '../state/settings.js'
import type {FaultConfig} from './faults.js'
import type {SandboxRuntime} from './request-handler.js'
import {ok, type SandboxRoute} from './router.js'

/**
 * The sandbox's own controls under /_sandbox/ (not Citrix paths, and never called by ctx's
 * Citrix clients): health, the request log, fault injection and reset, for tests and rehearsals.
 */
export function controlRoutes(runtime: SandboxRuntime): SandboxRoute[] {
  return [
    {method: 'GET', path: '/_sandbox/health', auth: 'none', handle: () => ok({ok: true, pid: process.pid})},
    {method: 'GET', path: '/_sandbox/requests', auth: 'none', handle: () => ok({items: runtime.log.all()})},
    {method: 'DELETE', path: '/_sandbox/requests', auth: 'none', handle: () => (runtime.log.clear(), {status: 204})},
    {method: 'GET', path: '/_sandbox/faults', auth: 'none', handle: () => ok(runtime.faults.config)},
    {
      method: 'PUT',
      path: '/_sandbox/faults',
      auth: 'none',
      handle: (request) => {
        runtime.faults.set((request.body ?? {}) as Partial<FaultConfig>)
        return ok(runtime.faults.config)
      },
    },
    {
      method: 'POST',
      path: '/_sandbox/reset',
      auth: 'none',
      handle: async (request) => {
        const state = await runtime.store.open(defaultSettings((request.body ?? {}) as Partial<SandboxSettings>), {reset: true})
        return ok({settings: state.settings})
      },
    },
  ]
}
