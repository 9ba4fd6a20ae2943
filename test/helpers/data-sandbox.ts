import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {SandboxOptions} from '../../src/sandbox/start.js'
import {startTestSandbox, type TestSandbox} from './sandbox.js'

/**
 * A test sandbox whose state sits where ctx looks for the sandbox's data (`$CTX_DATA_DIR/sandbox`),
 * so that commands which use the state directly (`ctx sandbox issue-code`) and HTTP calls share it.
 */
export async function startDataSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataRoot = mkdtempSync(join(tmpdir(), 'ctx-data-'))
  const sandbox = await startTestSandbox({...options, dataDir: join(dataRoot, 'sandbox')})
  return {
    ...sandbox,
    env: {...sandbox.env, CTX_DATA_DIR: dataRoot},
    async stop() {
      await sandbox.stop()
      rmSync(dataRoot, {recursive: true, force: true})
    },
  }
}
