import {UnavailableError} from '../../errors.js'
import {findRunningSandbox} from '../../sandbox/registry.js'
import {defaultSettings, type SandboxSettings} from '../../sandbox/state/settings.js'
import {SandboxStore} from '../../sandbox/state/store.js'
import type {SandboxState} from '../../sandbox/state/types.js'
import {readJsonIfExists} from '../../util/atomic-file.js'

export interface SandboxResetResult {
  settings: SandboxSettings
  /** True when a running sandbox reset itself. */
  running: boolean
}

/**
 * Throws the sandbox's state away and seeds it anew, keeping its settings unless others are given.
 * A running sandbox resets itself (through /_sandbox/reset), so that what it holds in memory follows.
 */
export async function resetSandbox(
  dataDir: string,
  overrides: Partial<SandboxSettings> = {},
): Promise<SandboxResetResult> {
  const store = new SandboxStore(dataDir)
  let current: Partial<SandboxSettings> = {}
  try {
    current = (await readJsonIfExists<Partial<SandboxState>>(store.path))?.settings ?? {}
  } catch {
    current = {} // a damaged state is what reset is for
  }
  const settings = defaultSettings({
    ...current,
    ...overrides,
    sizes: {...defaultSettings(current).sizes, ...overrides.sizes},
  })
  const running = await findRunningSandbox(dataDir)
  if (running) {
    const response = await fetch(`${running.url}/_sandbox/reset`, {
      method: 'POST',
      headers: {'content-type': 'application/json'},
      body: JSON.stringify(settings),
    })
    if (!response.ok)
      throw new UnavailableError(`The running sandbox refused the reset (${response.status}).`, {
        hint: 'Stop it, then reset: `ctx sandbox stop && ctx sandbox reset`.',
      })
    return {settings, running: true}
  }
  await store.open(settings, {reset: true})
  return {settings, running: false}
}
