import {setTimeout as sleep} from 'node:timers/promises'

import {TimedOutError} from '../../errors.js'
import {findRunningSandbox, processAlive, removeSandboxRecord} from '../../sandbox/registry.js'

export interface SandboxStopResult {
  stopped: boolean
  pid?: number
  url?: string
}

/** Sends SIGTERM to the recorded sandbox (only one that answers its health check) and waits for it to end. */
export async function stopSandbox(dataDir: string, timeoutMs = 10_000): Promise<SandboxStopResult> {
  const record = await findRunningSandbox(dataDir)
  if (!record) {
    await removeSandboxRecord(dataDir) // a record left by a sandbox that died
    return {stopped: false}
  }
  process.kill(record.pid, 'SIGTERM')
  const deadline = Date.now() + timeoutMs
  while (processAlive(record.pid)) {
    if (Date.now() > deadline)
      throw new TimedOutError(`The sandbox (pid ${record.pid}) did not stop within ${timeoutMs / 1000} s.`, {
        hint: `End it yourself: kill ${record.pid}`,
      })
    await sleep(50)
  }
  await removeSandboxRecord(dataDir)
  return {stopped: true, pid: record.pid, url: record.url}
}
