import assert from 'node:assert/strict'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, afterEach, before, beforeEach, describe, it} from 'mocha'

import {readAudit} from '../../src/services/audit-log.js'
import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {startDataSandbox} from '../helpers/data-sandbox.js'
import {useTempConfig} from '../helpers/env.js'
import {fileSizeLimitUnavailable, runWithFileSizeLimit} from '../helpers/file-size-limit.js'
import {binPath, runBin, type BinResult} from '../helpers/run-bin.js'
import {tmpfsOrSkip, type Tmpfs} from '../helpers/tmpfs.js'
import type {TestSandbox} from '../helpers/sandbox.js'

// Full and read-only disks are the machine's failures, not ctx's: one error line, exit 11, nothing
// half-written left, and a report still printed. Each case runs twice: on a real small tmpfs where the
// machine allows mounting one (root on Linux), and by an injected error everywhere else (a file size
// limit makes writes fail with EFBIG, as a full disk makes them fail with ENOSPC).

const formats = ['csv', 'ndjson', 'json', 'xlsx'] as const
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('Error:'))

/** The ids of every registered product. */
const productIds = async (sandbox: TestSandbox) =>
  (await sandbox.store.read()).registeredProducts.map((p) => p.instanceID)

/** A bulk removal stopped by its audit log: the report came, no line is torn, and every removal made is recorded or named. */
async function assertStoppedByAuditLog(
  result: {code: number | null; stdout: string; stderr: string},
  sandbox: TestSandbox,
  auditPath: string,
  all: string[],
  reason: RegExp,
): Promise<void> {
  assert.equal(result.code, 11, result.stderr)
  const [error, ...more] = errorLines(result.stderr)
  assert.deepEqual(more, [])
  assert.match(error ?? '', reason)
  assert.match(result.stdout, /│ removed /, 'the report is printed')
  assert.match(result.stdout, /│ not started /)
  const text = readFileSync(auditPath, 'utf8')
  assert.ok(text === '' || text.endsWith('\n'), 'no torn line at the end')
  for (const line of text.split('\n').filter(Boolean)) JSON.parse(line) // every line whole
  const left = new Set(await productIds(sandbox))
  const removed = all.filter((id) => !left.has(id))
  const recorded = new Set((await readAudit(auditPath)).map((e) => e.id))
  const named = new Set([...(error ?? '').matchAll(/([0-9a-f-]{36}) \(removed\)/g)].map((m) => m[1]))
  assert.deepEqual(
    removed.filter((id) => !recorded.has(id) && !named.has(id)),
    [],
    'every removal is in the log or named as not recorded',
  )
  assert.ok(recorded.size > 0 && named.size > 0)
}

describe('e2e: full and read-only disks', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let dir: string
  before(async () => {
    temp = useTempConfig()
    sandbox = await startDataSandbox({settings: {sizes: {...defaultSizes, users: 10_000}}})
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ctx-e2e-disk-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  describe('injected: a file size limit (EFBIG), no root needed', () => {
    beforeEach(function () {
      const unavailable = fileSizeLimitUnavailable()
      if (unavailable) {
        this.currentTest!.title += ` (skipped: ${unavailable})`
        this.skip()
      }
    })

    for (const format of formats) {
      it(`${format}: an export that outgrows the disk is one error line and exit 11, with the old file intact and no partial file`, async () => {
        const out = join(dir, `users.${format}`)
        writeFileSync(out, 'the previous export\n')
        const result = await runWithFileSizeLimit(
          32,
          [binPath, 'license', 'export', 'users', '--format', format, '--out', out],
          {env: sandbox.env},
        )
        assert.equal(result.code, 11, result.stderr)
        assert.deepEqual(errorLines(result.stderr), [
          `Error: Cannot write ${out}: the file is too large for the file system (EFBIG).`,
        ])
        assert.equal(readFileSync(out, 'utf8'), 'the previous export\n')
        assert.deepEqual(readdirSync(dir), [`users.${format}`])
      })
    }

    it('a bulk removal whose audit log outgrows the disk stops, prints its report, exits 11, and tears no line', async () => {
      const products = await startDataSandbox() // its own registrations, all of them removed
      try {
        const dataDir = join(dir, 'data')
        const all = await productIds(products)
        const result = await runWithFileSizeLimit(
          2,
          [binPath, 'product', 'remove', '-', '--yes', '--concurrency', '2'],
          {env: {...products.env, CTX_DATA_DIR: dataDir}, input: all.join('\n')},
        )
        await assertStoppedByAuditLog(
          result,
          products,
          join(dataDir, 'audit.jsonl'),
          all,
          /^Error: Cannot write the audit log .*: the file is too large for the file system \(EFBIG\)\. Removal stopped: /,
        )
      } finally {
        await products.stop()
      }
    })
  })

  describe('on a small tmpfs (root on Linux)', () => {
    let fs: Tmpfs | undefined
    afterEach(() => fs?.unmount())

    for (const format of formats) {
      it(`${format}: an export to a full disk is one error line and exit 11, with the old file intact and no partial file`, async function () {
        fs = tmpfsOrSkip(this, 64)
        const out = join(fs.dir, `users.${format}`)
        writeFileSync(out, 'the previous export\n')
        fs.fill()
        const result = await runBin(['license', 'export', 'users', '--format', format, '--out', out], {
          env: sandbox.env,
        })
        assert.equal(result.code, 11, result.stderr)
        assert.deepEqual(errorLines(result.stderr), [
          `Error: Cannot write ${out}: no space left on the device (ENOSPC).`,
        ])
        assert.equal(readFileSync(out, 'utf8'), 'the previous export\n')
        assert.deepEqual(readdirSync(fs.dir).sort(), ['filler', `users.${format}`])
      })
    }

    it('an export into a read-only folder is exit 11 before the first request', async function () {
      fs = tmpfsOrSkip(this, 64)
      fs.readOnly()
      sandbox.log.clear()
      const result = await runBin(['license', 'export', 'users', '--out', join(fs.dir, 'users.csv')], {
        env: sandbox.env,
      })
      assert.equal(result.code, 11, result.stderr)
      assert.deepEqual(errorLines(result.stderr), [
        `Error: Cannot write to the folder ${fs.dir}: read-only file system (EROFS).`,
      ])
      assert.deepEqual(sandbox.log.all(), [])
    })

    it('`product list` with a full data folder lists, warns that the token cannot be cached, and exits 0', async function () {
      fs = tmpfsOrSkip(this, 64)
      fs.fill()
      const result = await runBin(['product', 'list'], {env: {...sandbox.env, CTX_DATA_DIR: join(fs.dir, 'data')}})
      assert.equal(result.code, 0, result.stderr)
      assert.match(result.stdout, /Host name/)
      assert.match(
        result.stderr,
        /^Warning: The token cache .*tokens\.json cannot be written: no space left on the device \(ENOSPC\)\. The token is used for this run only\.$/m,
      )
      assert.deepEqual(readdirSync(join(fs.dir, 'data')), [], 'no temporary file left')
    })

    it('a read-only config folder: a change is exit 11 leaving the file byte for byte, a read works', async function () {
      fs = tmpfsOrSkip(this, 64)
      const text = '{"profiles": {"default": {"region": "eu"}}}'
      writeFileSync(join(fs.dir, 'config.json'), text)
      fs.readOnly()
      const env = {CTX_CONFIG_DIR: fs.dir}
      const set: BinResult = await runBin(['config', 'set', 'region', 'us'], {env})
      assert.equal(set.code, 11, set.stderr)
      assert.deepEqual(errorLines(set.stderr), [
        `Error: The config file ${join(fs.dir, 'config.json')} cannot be written: read-only file system (EROFS); nothing was saved.`,
      ])
      assert.equal(readFileSync(join(fs.dir, 'config.json'), 'utf8'), text)
      const list = await runBin(['config', 'list'], {env})
      assert.equal(list.code, 0, list.stderr)
      assert.match(list.stdout, /region .*eu/)
    })

    it('a bulk removal whose audit log fills the disk stops, prints its report, exits 11, and tears no line', async function () {
      fs = tmpfsOrSkip(this, 64)
      const products = await startDataSandbox() // its own registrations, all of them removed
      try {
        const dataDir = join(fs.dir, 'data')
        mkdirSync(dataDir)
        const env = {...products.env, CTX_DATA_DIR: dataDir}
        assert.equal((await runBin(['product', 'list'], {env})).code, 0) // the token is cached before the disk fills
        fs.fill(4096) // one page left: about 16 lines of the audit log
        const all = await productIds(products)
        const result = await runBin(['product', 'remove', '-', '--yes', '--concurrency', '2'], {
          env,
          input: all.join('\n'),
        })
        await assertStoppedByAuditLog(
          result,
          products,
          join(dataDir, 'audit.jsonl'),
          all,
          /^Error: Cannot write the audit log .*: no space left on the device \(ENOSPC\)\. Removal stopped: /,
        )
      } finally {
        await products.stop()
      }
    })
  })
})
