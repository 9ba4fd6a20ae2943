import envPaths from 'env-paths'
import {join} from 'node:path'

// Tests and CI point CTX_CONFIG_DIR at a temporary folder; everything ctx writes then lives below it.
const defaults = envPaths('ctx', {suffix: ''})

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CTX_CONFIG_DIR || defaults.config
}

/** Token cache, audit log, sandbox state: data that is not a setting. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CTX_DATA_DIR) return env.CTX_DATA_DIR
  return env.CTX_CONFIG_DIR ? join(env.CTX_CONFIG_DIR, 'data') : defaults.data
}

/** What ctx can make again: V8's code cache of the bundle (src/cli/code-cache.ts). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CTX_CACHE_DIR) return env.CTX_CACHE_DIR
  return env.CTX_CONFIG_DIR ? join(env.CTX_CONFIG_DIR, 'cache') : defaults.cache
}
