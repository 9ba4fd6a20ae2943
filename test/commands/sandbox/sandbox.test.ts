import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {ConfigStore} from '../../../src/config/store.js'
import {sandboxDataDir} from '../../../src/sandbox/registry.js'
import {startForegroundSandbox} from '../../../src/services/sandbox/start.js'
import {useTempConfig} from '../../helpers/env.js'

describe('ctx sandbox status | stop | reset | start (in-process)', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('status says the sandbox is not running', async () => {
    const {stdout, error} = await runCommand(['sandbox', 'status'])
    assert.equal(error, undefined)
    assert.match(stdout, /Running\s+no/)
  })

  it('status --json shows the url, pid, state path and settings of a running sandbox', async () => {
    const {result, stop} = await startForegroundSandbox(ConfigStore.open(), {
      dataDir: sandboxDataDir(),
      port: 0,
      settings: {seed: 3},
      faults: {},
    })
    try {
      const {stdout} = await runCommand(['sandbox', 'status', '--json'])
      const status = JSON.parse(stdout) as {
        running: boolean
        url: string
        pid: number
        statePath: string
        settings: {seed: number}
      }
      assert.deepEqual(
        [status.running, status.url, status.pid, status.statePath, status.settings.seed],
        [true, result.url, process.pid, result.statePath, 3],
      )
    } finally {
      await stop()
    }
  })

  it('status lists the simulated appliances with their host:port and fingerprint (and --json)', async () => {
    const {sandbox, stop} = await startForegroundSandbox(ConfigStore.open(), {
      dataDir: sandboxDataDir(),
      port: 0,
      settings: {sizes: {appliances: 2} as never},
      faults: {},
    })
    try {
      const expected = sandbox.appliances.map((a) => ({
        name: a.name,
        host: new URL(a.url).host,
        url: a.url,
        fingerprint: a.fingerprint,
      }))
      assert.equal(expected.length, 2)
      const {stdout} = await runCommand(['sandbox', 'status', '--json'])
      assert.deepEqual((JSON.parse(stdout) as {appliances: unknown[]}).appliances, expected)
      const human = await runCommand(['sandbox', 'status'])
      for (const a of expected)
        assert.ok(human.stdout.includes(`--host ${a.host} --fingerprint ${a.fingerprint}`), human.stdout)
    } finally {
      await stop()
    }
  })

  it('reset of a running sandbox keeps its listening appliances in the state (found by --sandbox), starting over', async () => {
    const {sandbox, stop} = await startForegroundSandbox(ConfigStore.open(), {
      dataDir: sandboxDataDir(),
      port: 0,
      settings: {},
      faults: {},
    })
    try {
      const before = (await sandbox.store.read()).appliances.map((a) => [a.id, a.port, a.certificatePem])
      assert.ok(before.length > 0)
      const {error} = await runCommand(['sandbox', 'reset', '--seed', '5'])
      assert.equal(error, undefined)
      const after = await sandbox.store.read()
      assert.equal(after.settings.seed, 5)
      assert.deepEqual(
        after.appliances.map((a) => [a.id, a.port, a.certificatePem]),
        before,
      )
      assert.ok(after.appliances.every((a) => a.passwordHash === undefined))
    } finally {
      await stop()
    }
  })

  it('start exits 7 when a sandbox already runs on the same state', async () => {
    const {stop} = await startForegroundSandbox(ConfigStore.open(), {
      dataDir: sandboxDataDir(),
      port: 0,
      settings: {},
      faults: {},
    })
    try {
      const {error, stderr} = await runCommand(['sandbox', 'start', '--port', '0'])
      assert.equal(error?.oclif?.exit, 7)
      assert.match(stderr, /already running/)
    } finally {
      await stop()
    }
  })

  it('start exits 2 on a --fail-rate outside 0..1', async () => {
    const {error, stderr} = await runCommand(['sandbox', 'start', '--fail-rate', '1.5'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /from 0 to 1/)
  })

  it('stop says so when no sandbox is running', async () => {
    const {error, stderr} = await runCommand(['sandbox', 'stop'])
    assert.equal(error, undefined)
    assert.match(stderr, /No sandbox is running/)
  })

  it('reset seeds the state anew with the seed given', async () => {
    const {stdout} = await runCommand(['sandbox', 'reset', '--seed', '21', '--json'])
    assert.equal((JSON.parse(stdout) as {settings: {seed: number}}).settings.seed, 21)
    const status = await runCommand(['sandbox', 'status', '--json'])
    assert.equal((JSON.parse(status.stdout) as {settings: {seed: number}}).settings.seed, 21)
  })
})
