import {rm} from 'node:fs/promises'
import {join} from 'node:path'

import {dataDir} from '../config/paths.js'
import {readJsonIfExists, writeJsonAtomic} from '../util/atomic-file.js'

/** Where a started sandbox says it runs, so that other invocations (and `ctx sandbox stop`) find it. */
export interface SandboxRecord {
  pid: number
  url: string
  port: number
  startedAt: string
  /** The simulated appliances it runs: one entry per appliance, `host` as `--host` takes it. */
  appliances?: Array<{name: string; host: string; url: string; fingerprint: string}>
}

export function sandboxDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(dataDir(env), 'sandbox')
}

const recordPath = (dir: string) => join(dir, 'server.json')

export async function readSandboxRecord(dir = sandboxDataDir()): Promise<SandboxRecord | undefined> {
  try {
    return await readJsonIfExists<SandboxRecord>(recordPath(dir))
  } catch {
    return undefined
  }
}

export async function writeSandboxRecord(record: SandboxRecord, dir = sandboxDataDir()): Promise<void> {
  await writeJsonAtomic(recordPath(dir), record)
}

export async function removeSandboxRecord(dir = sandboxDataDir()): Promise<void> {
  await rm(recordPath(dir), {force: true})
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The record of a sandbox that is really answering, or undefined. */
export async function findRunningSandbox(dir = sandboxDataDir()): Promise<SandboxRecord | undefined> {
  const record = await readSandboxRecord(dir)
  if (!record || !processAlive(record.pid)) return undefined
  try {
    const response = await fetch(`${record.url}/_sandbox/health`, {signal: AbortSignal.timeout(2000)})
    return response.ok ? record : undefined
  } catch {
    return undefined
  }
}
