import {join} from 'node:path'

import {findRunningSandbox, type SandboxRecord} from '../../sandbox/registry.js'
import type {SandboxSettings} from '../../sandbox/state/settings.js'
import type {SandboxState} from '../../sandbox/state/types.js'
import {readJsonIfExists} from '../../util/atomic-file.js'

export interface SandboxStatus {
  running: boolean
  url?: string
  pid?: number
  startedAt?: string
  statePath: string
  /** The settings of the saved state; undefined before the first start. */
  settings?: SandboxSettings
  appliances: NonNullable<SandboxRecord['appliances']>
}

export async function readSandboxStatus(dataDir: string): Promise<SandboxStatus> {
  const record = await findRunningSandbox(dataDir)
  const statePath = join(dataDir, 'state.json')
  let settings: SandboxSettings | undefined
  try {
    settings = (await readJsonIfExists<Partial<SandboxState>>(statePath))?.settings
  } catch {
    settings = undefined // mid-write or damaged: the next start repairs it
  }
  return {
    running: Boolean(record),
    url: record?.url,
    pid: record?.pid,
    startedAt: record?.startedAt,
    statePath,
    settings,
    appliances: record?.appliances ?? [],
  }
}
