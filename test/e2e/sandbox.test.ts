import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {createServer, type AddressInfo, type Server} from 'node:net'
import {join} from 'node:path'
import {after, before, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {binPath, runBin} from '../helpers/run-bin.js'

interface Status {
  running: boolean
  url?: string
  pid?: number
  settings?: {seed: number; sizes: {products: number}}
}

describe('e2e: ctx sandbox start --detach | status | reset | stop', () => {
  let temp: ReturnType<typeof useTempConfig>
  const status = async (): Promise<Status> =>
    JSON.parse((await runBin(['sandbox', 'status', '--json'])).stdout) as Status
  before(() => (temp = useTempConfig()))
  after(async () => {
    await runBin(['sandbox', 'stop']) // in case a test failed half-way
    temp.restore()
  })

  it('starts in the background and returns once it answers', async () => {
    const result = await runBin([
      'sandbox',
      'start',
      '--detach',
      '--port',
      '0',
      '--seed',
      '7',
      '--products',
      '4',
      '--json',
    ])
    assert.equal(result.code, 0, result.stderr)
    const started = JSON.parse(result.stdout) as {url: string; detached: boolean; logPath: string}
    assert.equal(started.detached, true)
    assert.ok(existsSync(started.logPath))
    const now = await status()
    assert.deepEqual(
      [now.running, now.url, now.settings?.seed, now.settings?.sizes.products],
      [true, started.url, 7, 4],
    )
  })

  it('writes a sandbox profile that any command can use', async () => {
    const result = await runBin(['resource-location', 'list', '--profile', 'sandbox', '--json'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {resourceLocations: unknown[]}).resourceLocations.length, 6)
  })

  it('lets --sandbox commands reuse the running sandbox', async () => {
    const result = await runBin(['auth', 'status', '--sandbox', '--json'])
    assert.equal((JSON.parse(result.stdout) as {apiUrl: string}).apiUrl, (await status()).url)
  })

  it('refuses a second start with exit 7', async () => {
    assert.equal((await runBin(['sandbox', 'start', '--port', '0'])).code, 7)
  })

  it('resets the running sandbox with a new seed', async () => {
    assert.equal((await runBin(['sandbox', 'reset', '--seed', '8'])).code, 0)
    assert.equal((await status()).settings?.seed, 8)
  })

  it('says on its own stderr which size flags the existing state does not take (add --reset)', async () => {
    assert.equal((await runBin(['sandbox', 'stop'])).code, 0)
    const result = await runBin(['sandbox', 'start', '--detach', '--port', '0', '--products', '9'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /Warning: The saved state keeps its own products: add --reset to apply them\./)
    assert.match(result.stderr, /Sandbox running/)
  })

  it('makes a concurrent-only Citrix DaaS customer with --reset --daas-license-model concurrent', async () => {
    assert.equal((await runBin(['sandbox', 'stop'])).code, 0)
    const started = await runBin([
      'sandbox',
      'start',
      '--detach',
      '--port',
      '0',
      '--reset',
      '--daas-license-model',
      'concurrent',
    ])
    assert.equal(started.code, 0, started.stderr)
    const summary = await runBin(['license', 'summary', '--profile', 'sandbox', '--json'])
    assert.equal(summary.code, 0, summary.stderr)
    assert.equal((JSON.parse(summary.stdout) as {summary: {licenseModel: string}}).summary.licenseModel, 'concurrent')
  })

  it('stops it, removing its record', async () => {
    const {pid} = await status()
    const result = await runBin(['sandbox', 'stop', '--json'])
    assert.deepEqual(JSON.parse(result.stdout), {
      stopped: true,
      pid,
      url: (JSON.parse(result.stdout) as {url: string}).url,
    })
    assert.equal((await status()).running, false)
    assert.ok(!existsSync(join(temp.dir, 'data', 'sandbox', 'server.json')))
  })
})

describe('e2e: ctx sandbox start in the foreground', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())

  it('runs until SIGTERM, then removes its record and prints its result', async () => {
    const child = spawn(process.execPath, [binPath, 'sandbox', 'start', '--port', '0', '--json'], {
      env: {...process.env, NO_COLOR: '1'},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
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
    assert.ok(!existsSync(record))
    assert.match((JSON.parse(stdout) as {url: string}).url, /^http:\/\/127\.0\.0\.1:\d+$/)
  })
})

describe('e2e: concurrent --sandbox invocations', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())

  it('all succeed and leave a state file that still parses', async () => {
    const runs = await Promise.all([
      ...Array.from({length: 5}, () => runBin(['resource-location', 'list', '--sandbox', '--json'])),
      runBin(['sandbox', 'reset', '--seed', '5']),
      runBin(['auth', 'status', '--sandbox']),
    ])
    for (const run of runs) assert.equal(run.code, 0, run.stderr)
    const state = JSON.parse(readFileSync(join(temp.dir, 'data', 'sandbox', 'state.json'), 'utf8')) as {
      version: number
      resourceLocations: unknown[]
    }
    assert.deepEqual([state.version, state.resourceLocations.length], [1, 6])
  })
})

describe('e2e: ctx sandbox start --detach on a port in use', () => {
  let temp: ReturnType<typeof useTempConfig>
  let busy: Server
  before(async () => {
    temp = useTempConfig()
    busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
  })
  after(async () => {
    await new Promise((resolve) => busy.close(resolve))
    temp.restore()
  })

  it('exits 2 with the reason the background sandbox gave', async () => {
    const result = await runBin([
      'sandbox',
      'start',
      '--detach',
      '--port',
      String((busy.address() as AddressInfo).port),
    ])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /did not start: Port \d+ on 127\.0\.0\.1 is in use/)
  })
})
