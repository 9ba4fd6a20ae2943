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
        const before = (await runtime.store.read()).appliances
        const state = await runtime.store.open(defaultSettings((request.body ?? {}) as Partial<SandboxSettings>), {
          reset: true,
        })
        // The appliances still listen: they stay in the state (address and certificate), starting over
        // with no password and unregistered, so that `--sandbox` and `sandbox status` still find them.
        const running = new Set(runtime.runningAppliances)
        const kept = before
          .filter((a) => running.has(a.id))
          .map(({id, name, port, certificatePem, privateKeyPem}) => ({id, name, port, certificatePem, privateKeyPem}))
        if (kept.length > 0) await runtime.store.update((fresh) => void (fresh.appliances = kept))
        return ok({settings: state.settings})
      },
    },
  ]
}
