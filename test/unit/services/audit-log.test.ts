import assert from 'node:assert/strict'
import {appendFileSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {ExitCode} from '../../../src/errors.js'
import {appendAudit, auditLogPath, readAudit, type AuditEntry} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'
import {fileSizeLimitUnavailable, runWithFileSizeLimit} from '../../helpers/file-size-limit.js'

const writer = fileURLToPath(new URL('../../helpers/audit-writer.ts', import.meta.url))

const entry = (id: string): AuditEntry => ({
  time: '2026-11-24T10:00:00.000Z',
  action: 'remove',
  kind: 'product',
  profile: 'default',
  customer: 'acme',
  id,
  hostname: 'ls-01',
  product: 'Citrix License Server',
  result: 'removed',
})

describe('audit log', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('appends JSON lines in the data dir, readable only by the user', async () => {
    await appendAudit(entry('a'))
    await appendAudit(entry('b'))
    assert.deepEqual(
      (await readAudit()).map((e) => e.id),
      ['a', 'b'],
    )
    assert.ok(auditLogPath().startsWith(temp.dir))
    if (process.platform !== 'win32') assert.equal(statSync(auditLogPath()).mode & 0o777, 0o600)
  })

  it('reads an absent log as empty', async () => {
    assert.deepEqual(await readAudit(), [])
  })

  it('skips a damaged line and keeps the rest', async () => {
    await appendAudit(entry('a'))
    appendFileSync(auditLogPath(), '{"half a line\n')
    await appendAudit(entry('b'))
    assert.deepEqual(
      (await readAudit()).map((e) => e.id),
      ['a', 'b'],
    )
  })

  it('never lets a line torn by a crash swallow the next one', async () => {
    await appendAudit(entry('a'))
    appendFileSync(auditLogPath(), '{"time":"2026-11-24T10:00:00.000Z","act') // killed mid-write
    await appendAudit(entry('b'))
    assert.deepEqual(
      (await readAudit()).map((e) => e.id),
      ['a', 'b'],
    )
  })

  it('fails with exit 11 naming the log when it cannot be written', async () => {
    const blocked = join(temp.dir, 'not-a-folder')
    writeFileSync(blocked, '')
    await assert.rejects(appendAudit(entry('a'), join(blocked, 'audit.jsonl')), (error: Error & {exitCode: number}) => {
      assert.equal(error.exitCode, ExitCode.localIo)
      assert.match(
        error.message,
        /^Cannot write the audit log .*not-a-folder\/audit\.jsonl: a file of that name is in the way \(EEXIST\)\.$/,
      )
      return true
    })
  })

  it('takes back the part of a line that a full disk let through: no torn line is left', async function () {
    const unavailable = fileSizeLimitUnavailable()
    if (unavailable) {
      this.test!.title += ` (skipped: ${unavailable})`
      this.skip()
    }
    const path = join(temp.dir, 'audit.jsonl')
    const before = `${JSON.stringify(entry('x')).padEnd(1000, ' ')}\n` // 1001 bytes: the next line crosses 1 KiB
    writeFileSync(path, before)
    const run = await runWithFileSizeLimit(1, ['--import', 'tsx', writer, path, 'a'])
    assert.match(
      run.stdout,
      /^11 Cannot write the audit log .*: the file is too large for the file system \(EFBIG\)\.\n$/,
      run.stderr,
    )
    assert.equal(readFileSync(path, 'utf8'), before)
  })
})
