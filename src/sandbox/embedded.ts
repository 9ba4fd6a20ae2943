import {sandboxCredentials} from './constants.js'
import {findRunningSandbox, sandboxDataDir} from './registry.js'

export interface EmbeddedSandbox {
  url: string
  credentials: typeof sandboxCredentials
  /** Set when this process started the sandbox itself; stops it. */
  stop?: () => Promise<void>
}

/**
 * --sandbox: use the sandbox that `ctx sandbox start` left running, or start one inside this
 * process for the length of the command. Both share the state in the data dir, so what one
 * invocation registers or removes, the next one sees.
 */
export async function useEmbeddedSandbox(dir = sandboxDataDir()): Promise<EmbeddedSandbox> {
  const running = await findRunningSandbox(dir)
  if (running) return {url: running.url, credentials: sandboxCredentials}
  const {startSandbox} = await import('./start.js')
  const sandbox = await startSandbox({dataDir: dir})
  return {url: sandbox.url, credentials: sandboxCredentials, stop: sandbox.close}
}
