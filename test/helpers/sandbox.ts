import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {after, afterEach, before, beforeEach} from 'mocha'

import {sandboxCredentials} from '../../src/sandbox/constants.js'
import {startSandbox, type RunningSandbox, type SandboxOptions} from '../../src/sandbox/start.js'
import {useTempConfig} from './env.js'

type TempConfig = ReturnType<typeof useTempConfig>

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

/**
 * Registers the hooks most e2e suites share: an own config folder and a running sandbox, for the
 * whole suite or (each: true) fresh for every test, both cleaned up after.
 */
export function useSandboxSuite(options: {each?: boolean; start?: () => Promise<TestSandbox>} = {}): {
  readonly sandbox: TestSandbox
  readonly temp: TempConfig
} {
  let temp: TempConfig | undefined
  let sandbox: TestSandbox | undefined
  const [setUp, tearDown] = options.each ? [beforeEach, afterEach] : [before, after]
  setUp(async () => {
    temp = useTempConfig()
    sandbox = await (options.start ?? startTestSandbox)()
  })
  tearDown(async () => {
    await sandbox?.stop()
    temp?.restore()
  })
  return {
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox is started by the suite hooks')
      return sandbox
    },
    get temp() {
      if (!temp) throw new Error('the config folder is made by the suite hooks')
      return temp
    },
  }
}
