import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const ctxVariables = /^(CTX_|CITRIX_)/

/**
 * Gives a test its own empty config and data folder and a clean environment (no CTX_* or CITRIX_*
 * variables from the machine), and restores both afterwards.
 */
export function useTempConfig(): {dir: string; restore: () => void} {
  const saved = {...process.env}
  for (const name of Object.keys(process.env)) if (ctxVariables.test(name)) delete process.env[name]
  const dir = mkdtempSync(join(tmpdir(), 'ctx-test-'))
  process.env.CTX_CONFIG_DIR = dir
  process.env.CTX_KEYCHAIN = 'off'
  process.env.CTX_RETRY_BASE_MS = '1'
  return {
    dir,
    restore() {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
      Object.assign(process.env, saved)
      rmSync(dir, {recursive: true, force: true})
    },
  }
}
