import assert from 'node:assert/strict'
import {execFileSync, spawn} from 'node:child_process'
import {closeSync, constants, mkdtempSync, openSync, rmSync} from 'node:fs'
import {Socket} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'mocha'

import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {binPath, type BinResult} from '../helpers/run-bin.js'
import {startTestSandbox, useSandboxSuite} from '../helpers/sandbox.js'

// A shell pipe (`ctx … | jq`) holds 64 KiB. ctx used to end with process.exit on a non-zero exit code,
// which drops what the pipe has not taken yet, so a reader slower than ctx got a cut report. Node's
// own child pipes are socket pairs that hold a few hundred KiB, so the child gets real pipes (FIFOs)
// here, and they are read slowly.

const products = 600
const runs = 10

/** A FIFO: the child writes into `writeFd`, the test reads `reader` (a chunk, then a pause). */
function slowPipe(path: string, onText: (text: string) => void): {writeFd: number; closed: Promise<void>} {
  execFileSync('mkfifo', [path])
  // Opened for reading first (without blocking), else opening for writing would wait for a reader.
  const reader = new Socket({
    fd: openSync(path, constants.O_RDONLY | constants.O_NONBLOCK),
    readable: true,
    writable: false,
  })
  const writeFd = openSync(path, constants.O_WRONLY)
  reader.on('data', (chunk: Buffer) => {
    onText(chunk.toString())
    reader.pause()
    setTimeout(() => reader.resume(), 100)
  })
  return {writeFd, closed: new Promise((resolve) => reader.on('close', () => resolve()))}
}

describe('e2e: output into a slow pipe arrives whole on a non-zero exit', function () {
  this.timeout(300_000) // 15 runs of a 600-item removal, read slowly
  let dir = ''
  let count = 0
  before(function () {
    if (process.platform === 'win32') this.skip() // FIFOs are POSIX
    dir = mkdtempSync(join(tmpdir(), 'ctx-pipes-'))
  })
  after(() => dir && rmSync(dir, {recursive: true, force: true}))

  /** The built bin with stdout and stderr each a FIFO read slowly, as `ctx … 2>&1 | slow-reader` would. */
  async function runIntoSlowPipes(args: string[], env: Record<string, string>): Promise<BinResult> {
    count += 1
    let stdout = ''
    let stderr = ''
    const out = slowPipe(join(dir, `out-${count}`), (text) => (stdout += text))
    const err = slowPipe(join(dir, `err-${count}`), (text) => (stderr += text))
    const child = spawn(process.execPath, [binPath, ...args], {
      env: {...process.env, NO_COLOR: '1', ...env},
      stdio: ['ignore', out.writeFd, err.writeFd],
      timeout: 60_000,
    })
    // The child holds its own copies: the readers see the end when the child has gone.
    closeSync(out.writeFd)
    closeSync(err.writeFd)
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on('error', reject)
      child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]))
    })
    await Promise.all([out.closed, err.closed])
    return {code, signal, stdout, stderr}
  }

  // Every removal fails at once (503, no retry), so each run ends with exit 10 and a long report of every item.
  const suite = useSandboxSuite({
    start: () =>
      startTestSandbox({
        settings: {sizes: {...defaultSizes, products}},
        faults: {
          retryAfterSeconds: 0,
          routes: [{method: 'DELETE', path: '/root/trust/v1/registeredproducts', status: 503}],
        },
      }),
  })
  const removeAll = ['product', 'remove', '--stale', '1s', '--yes', '--max-retries', '0', '--concurrency', '16']

  it(`a --json bulk report of far more than 64 KiB with exit 10 is whole, valid JSON: ${runs} runs`, async () => {
    for (let run = 1; run <= runs; run++) {
      const result = await runIntoSlowPipes([...removeAll, '--json'], suite.sandbox.env)
      assert.equal(result.code, 10, `run ${run}: ${result.stderr.slice(-500)}`)
      assert.ok(result.stdout.length > 3 * 64 * 1024, `run ${run}: only ${result.stdout.length} bytes of stdout`)
      const report = JSON.parse(result.stdout) as {failed: number; items: unknown[]}
      assert.equal(report.items.length, products, `run ${run}`)
      assert.equal(report.failed, products, `run ${run}`)
    }
  })

  it(`an error line of more than 64 KiB on stderr with exit 10 is whole, hint after it: ${runs / 2} runs`, async () => {
    for (let run = 1; run <= runs / 2; run++) {
      const result = await runIntoSlowPipes(removeAll, suite.sandbox.env)
      assert.equal(result.code, 10, `run ${run}: ${result.stderr.slice(-500)}`)
      const error = result.stderr.split('\n').find((line) => line.startsWith('Error: ')) ?? ''
      assert.ok(error.length > 64 * 1024, `run ${run}: the error line is missing or short (${error.length} characters)`)
      assert.match(error, new RegExp(`^Error: ${products} of ${products} could not be removed: `))
      assert.equal(error.split('; ').length, products, `run ${run}: the error names every failed removal`)
      assert.match(result.stderr, /\nHint: Run the same command again.*\n$/, `run ${run}: the hint ends stderr`)
      assert.equal(
        result.stdout.split('\n').filter((line) => line.includes(' FAILED ')).length,
        products,
        `run ${run}: the report names every item`,
      )
    }
  })
})
