import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, afterEach, before, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {binPath, runBin} from '../helpers/run-bin.js'

const small = ['--products', '4', '--users', '20', '--devices', '20', '--customers', '5', '--appliances', '1']

describe('locked --json shapes: ctx sandbox, in-process', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('sandbox issue-code', async () => {
    expectJsonShape(
      'sandbox-issue-code',
      await runJson(['sandbox', 'issue-code', '--product', 'license-server', '--hostname', 'ls-42.corp.example']),
    )
  })

  it('sandbox status when none runs and none ran yet', async () => {
    expectJsonShape('sandbox-status.not-running', await runJson(['sandbox', 'status']))
  })
})

// `sandbox start` runs until a signal (or detaches a child process): it goes through the built bin, the
// others in-process against the sandbox it started.
describe('locked --json shapes: ctx sandbox start (built bin) | status | reset | stop', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(async () => {
    await runBin(['sandbox', 'stop']) // in case a test failed half-way
    temp.restore()
  })

  it('sandbox start --detach', async () => {
    const result = await runBin(['sandbox', 'start', '--detach', '--port', '0', '--seed', '7', ...small, '--json'])
    assert.equal(result.code, 0, result.stderr)
    expectJsonShape('sandbox-start.detach', JSON.parse(result.stdout))
  })

  // The record that status reads carries the simulated appliances (host:port and fingerprint).
  it('sandbox status of the running sandbox', async () => {
    expectJsonShape('sandbox-status', await runJson(['sandbox', 'status']))
  })

  it('sandbox reset of the running sandbox', async () => {
    expectJsonShape('sandbox-reset', await runJson(['sandbox', 'reset', '--seed', '8']))
  })

  it('sandbox stop: of the running sandbox, then with none running', async () => {
    const stopped = await runJson(['sandbox', 'stop'])
    const none = await runJson(['sandbox', 'stop'])
    expectJsonShape('sandbox-stop', stopped, none)
  })

  it('sandbox start in the foreground, with settings the saved state does not take (ignoredSettings)', async () => {
    const child = spawn(
      process.execPath,
      [binPath, 'sandbox', 'start', '--port', '0', '--seed', '9', '--products', '3', '--json'],
      {env: {...process.env, NO_COLOR: '1'}, stdio: ['ignore', 'pipe', 'pipe']},
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const closed = new Promise((resolve) => child.on('close', resolve))
    const record = join(temp.dir, 'data', 'sandbox', 'server.json')
    try {
      // Up when its record names it (under --json the "listening" note is not printed).
      while (!(existsSync(record) && readFileSync(record, 'utf8').includes(`"pid": ${child.pid}`))) {
        if (child.exitCode !== null) assert.fail(stderr)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    } finally {
      child.kill('SIGTERM')
    }
    assert.equal(await closed, 0, stderr)
    expectJsonShape('sandbox-start.foreground', JSON.parse(stdout))
  })
})
