import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {ConfigStore} from '../../../../src/config/store.js'
import {ConflictError, ExitCode} from '../../../../src/errors.js'
import {sandboxCredentials} from '../../../../src/sandbox/constants.js'
import {readSandboxRecord} from '../../../../src/sandbox/registry.js'
import {defaultSettings} from '../../../../src/sandbox/state/settings.js'
import {resetSandbox} from '../../../../src/services/sandbox/reset.js'
import {ignoredSettings, sandboxOptionsFrom, startForegroundSandbox} from '../../../../src/services/sandbox/start.js'
import {readSandboxStatus} from '../../../../src/services/sandbox/status.js'
import {useTempConfig} from '../../../helpers/env.js'

describe('sandbox services', () => {
  let temp: ReturnType<typeof useTempConfig>
  let dataDir: string
  beforeEach(() => {
    temp = useTempConfig()
    dataDir = mkdtempSync(join(tmpdir(), 'ctx-sandbox-'))
  })
  afterEach(() => {
    temp.restore()
    rmSync(dataDir, {recursive: true, force: true})
  })

  it('turns the start flags into settings and faults, leaving out what was not given', () => {
    assert.deepEqual(sandboxOptionsFrom({seed: 7, products: 3, 'token-ttl': 60, 'fail-rate': 0.5}), {
      settings: {seed: 7, tokenTtlSeconds: 60, sizes: {products: 3}},
      faults: {failureRate: 0.5},
    })
  })

  it('turns --daas-license-model into the daasLicenseModel setting', () => {
    assert.deepEqual(sandboxOptionsFrom({'daas-license-model': 'concurrent'}), {
      settings: {daasLicenseModel: 'concurrent'},
      faults: {},
    })
  })

  it('names the asked-for settings that the saved state does not have', () => {
    const actual = defaultSettings({seed: 1})
    assert.deepEqual(ignoredSettings({seed: 2, sizes: {products: actual.sizes.products, users: 5} as never}, actual), [
      'seed',
      'users',
    ])
  })

  it('records where it runs and writes the sandbox profile', async () => {
    const {result, stop} = await startForegroundSandbox(ConfigStore.open(), {
      dataDir,
      port: 0,
      settings: {seed: 5},
      faults: {},
    })
    try {
      assert.equal((await readSandboxRecord(dataDir))?.url, result.url)
      assert.equal(result.settings.seed, 5)
      const profile = ConfigStore.open().profile('sandbox')
      assert.equal(profile?.['api-url'], result.url)
      assert.equal(profile?.['client-id'], sandboxCredentials.clientId)
      assert.equal(profile?.['client-secret-location'], 'file')
    } finally {
      await stop()
    }
    assert.equal(await readSandboxRecord(dataDir), undefined)
  })

  it('refuses to start a second sandbox on the same state with exit 7', async () => {
    const first = await startForegroundSandbox(ConfigStore.open(), {dataDir, port: 0, settings: {}, faults: {}})
    try {
      await assert.rejects(
        startForegroundSandbox(ConfigStore.open(), {dataDir, port: 0, settings: {}, faults: {}}),
        (error: ConflictError) => error.exitCode === ExitCode.conflict,
      )
    } finally {
      await first.stop()
    }
  })

  it('reports a running sandbox with its settings and its appliances', async () => {
    const {result, sandbox, stop} = await startForegroundSandbox(ConfigStore.open(), {
      dataDir,
      port: 0,
      settings: {seed: 9},
      faults: {},
    })
    try {
      const status = await readSandboxStatus(dataDir)
      assert.deepEqual([status.running, status.url, status.settings?.seed], [true, result.url, 9])
      assert.deepEqual(
        status.appliances.map((a) => [a.host, a.fingerprint]),
        sandbox.appliances.map((a) => [new URL(a.url).host, a.fingerprint]),
      )
    } finally {
      await stop()
    }
  })

  it('reports a stopped sandbox without failing', async () => {
    const status = await readSandboxStatus(dataDir)
    assert.deepEqual([status.running, status.settings], [false, undefined])
  })

  it('reset of a stopped sandbox seeds the state anew with the new seed', async () => {
    const result = await resetSandbox(dataDir, {seed: 11})
    assert.deepEqual([result.running, result.settings.seed], [false, 11])
    assert.ok(existsSync(join(dataDir, 'state.json')))
    assert.equal((await readSandboxStatus(dataDir)).settings?.seed, 11)
  })

  it('reset of a running sandbox keeps its settings and goes through the sandbox', async () => {
    const {sandbox, stop} = await startForegroundSandbox(ConfigStore.open(), {
      dataDir,
      port: 0,
      settings: {seed: 4},
      faults: {},
    })
    try {
      const result = await resetSandbox(dataDir)
      assert.deepEqual([result.running, result.settings.seed], [true, 4])
      assert.equal((await sandbox.store.read()).settings.seed, 4)
    } finally {
      await stop()
    }
  })
})
