import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, afterEach, before, beforeEach, describe, it} from 'mocha'

import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {useTempConfig} from '../helpers/env.js'
import {binPath, runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

const usersPath = '/licensing/license/enterprise/cloud/cvad/ud/users'

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10))
}

describe('e2e: ctx license export against the sandbox', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let dir: string
  const userRequests = () => sandbox.log.all().filter((r) => r.url.startsWith(usersPath))
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({settings: {sizes: {...defaultSizes, users: 30_000}}})
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctx-e2e-export-'))
    sandbox.log.clear()
  })
  afterEach(() => {
    sandbox.faults.set({latencyMs: 0, routes: []})
    rmSync(dir, {recursive: true, force: true})
  })

  it('holds every row exactly once despite 503s and a 429 mid-export (checksum against the sandbox)', async () => {
    sandbox.faults.set({latencyMs: 20, retryAfterSeconds: 0})
    const out = join(dir, 'users.ndjson')
    let settled = false
    const exporting = runBin(['license', 'export', 'users', '--format', 'ndjson', '--out', out], {
      env: sandbox.env,
    }).finally(() => (settled = true))
    await until(() => userRequests().length >= 3 || settled)
    sandbox.faults.set({
      routes: [
        {path: usersPath, status: 503, count: 2},
        {path: usersPath, status: 429, count: 1},
      ],
    })
    const result = await exporting
    assert.equal(result.code, 0, result.stderr)
    const statuses = userRequests().map((r) => r.status)
    assert.ok(statuses.includes(503) && statuses.includes(429), `faults struck mid-export: ${statuses.join(',')}`)
    const expected = (await (await fetch(`${sandbox.url}/_sandbox/licensing/cvad/users/digest`)).json()) as {
      rows: number
      sha256: string
    }
    assert.equal(expected.rows, 30_000)
    assert.equal(createHash('sha256').update(readFileSync(out)).digest('hex'), expected.sha256)
    assert.match(result.stderr, /Exported 30,000 rows \(users\)/)
  })

  it('neutralises a formula-looking user name in CSV', async () => {
    const result = await runBin(['license', 'export', 'users', '--format', 'csv'], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const line = result.stdout.split('\r\n').find((l) => l.includes('HYPERLINK'))
    assert.match(line ?? '', /,"'=HYPERLINK\(""https:\/\/evil\.example\/"",""Payroll""\)",/)
  })

  it('exits 130 on Ctrl-C mid-export, leaving the old file intact and no partial file', async () => {
    sandbox.faults.set({latencyMs: 300})
    const out = join(dir, 'users.csv')
    writeFileSync(out, 'the previous export\n')
    const child = spawn(process.execPath, [binPath, 'license', 'export', 'users', '--out', out], {
      env: {...process.env, NO_COLOR: '1', ...sandbox.env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let settled = false
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))).finally(
      () => (settled = true),
    )
    await until(() => userRequests().length >= 2 || settled)
    child.kill('SIGINT')
    assert.equal(await exited, 130, stderr)
    assert.equal(readFileSync(out, 'utf8'), 'the previous export\n')
    assert.deepEqual(readdirSync(dir), ['users.csv'])
  })

  /** Starts an export of the users to `out`, slowed down by the sandbox; resolves once two pages were asked for. */
  async function exportUnderWay(
    out: string,
  ): Promise<{child: ReturnType<typeof spawn>; exited: Promise<number | null>; stderr: () => string}> {
    sandbox.faults.set({latencyMs: 300})
    const child = spawn(process.execPath, [binPath, 'license', 'export', 'users', '--out', out], {
      env: {...process.env, NO_COLOR: '1', ...sandbox.env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let settled = false
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code))).finally(
      () => (settled = true),
    )
    await until(() => userRequests().length >= 2 || settled)
    return {child, exited, stderr: () => stderr}
  }

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`exits ${code} on ${signal} mid-export, cleaning up as for Ctrl-C: the old file intact, no partial file`, async () => {
      const out = join(dir, 'users.csv')
      writeFileSync(out, 'the previous export\n')
      const {child, exited, stderr} = await exportUnderWay(out)
      child.kill(signal)
      assert.equal(await exited, code, stderr())
      assert.equal(readFileSync(out, 'utf8'), 'the previous export\n')
      assert.deepEqual(readdirSync(dir), ['users.csv'])
    })
  }

  it("removes on the next run the partial file a killed export (SIGKILL) left, and keeps a running export's", async () => {
    const out = join(dir, 'users.csv')
    const {child, exited} = await exportUnderWay(out)
    child.kill('SIGKILL')
    await exited
    const left = readdirSync(dir).filter((name) => name.endsWith('.partial'))
    assert.equal(left.length, 1, 'SIGKILL leaves its partial file')
    const running = `.users.csv.${process.pid}.zzzz.partial` // this test process runs
    writeFileSync(join(dir, running), 'being written')
    sandbox.faults.set({latencyMs: 0})
    const result = await runBin(['license', 'export', 'users', '--out', out], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(readdirSync(dir).sort(), [running, 'users.csv'].sort())
  })

  it('writes an xlsx file through a streaming writer', async () => {
    const out = join(dir, 'history.xlsx')
    const result = await runBin(
      ['license', 'export', 'history', '--months', '3', '--format', 'xlsx', '--out', out, '--json'],
      {env: sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(JSON.parse(result.stdout), {dataset: 'history', format: 'xlsx', rows: 3, out})
    const {default: ExcelJS} = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(out)
    assert.equal(workbook.getWorksheet('history')?.rowCount, 4)
  })

  it('exports the devices as NDJSON matching the sandbox digest', async () => {
    const out = join(dir, 'devices.ndjson')
    const result = await runBin(['license', 'export', 'devices', '--format', 'ndjson', '--out', out], {
      env: sandbox.env,
    })
    assert.equal(result.code, 0, result.stderr)
    const expected = (await (await fetch(`${sandbox.url}/_sandbox/licensing/cvad/devices/digest`)).json()) as {
      rows: number
      sha256: string
    }
    assert.equal(createHash('sha256').update(readFileSync(out)).digest('hex'), expected.sha256)
  })

  it('exports the partner customers of a month as CSV with a byte order mark for Excel', async () => {
    const result = await runBin(['license', 'export', 'customers', '--view', 'partner-onprem', '--excel'], {
      env: sandbox.env,
    })
    assert.equal(result.code, 0, result.stderr)
    assert.ok(result.stdout.startsWith('\uFEFFaccountId,accountName,totalUsers,paidUsers,freeUsers\r\n'))
    assert.equal(result.stdout.trim().split('\r\n').length, 41)
  })
})
