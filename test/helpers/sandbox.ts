import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {sandboxCredentials} from '../../src/sandbox/constants.js'
import {startSandbox, type RunningSandbox, type SandboxOptions} from '../../src/sandbox/server.js'

export interface TestSandbox extends RunningSandbox {
  /** The environment that points ctx (in-process or the built bin) at this sandbox. */
  env: Record<string, string>
  stop(): Promise<void>
}

/** A real sandbox on 127.0.0.1 with its own data folder, for e2e and in-process tests. */
export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ctx-sandbox-'))
  const sandbox = await startSandbox({...options, dataDir})
  return {
    ...sandbox,
    env: {
      CTX_API_URL: sandbox.url,
      CTX_CUSTOMER_ID: sandboxCredentials.customerId,
      CTX_CLIENT_ID: sandboxCredentials.clientId,
      CTX_CLIENT_SECRET: sandboxCredentials.clientSecret,
    },
    async stop() {
      await sandbox.close()
      if (!options.dataDir) rmSync(dataDir, {recursive: true, force: true})
    },
  }
}
