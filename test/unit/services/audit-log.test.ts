import assert from 'node:assert/strict'
import {appendFileSync, statSync} from 'node:fs'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {appendAudit, auditLogPath, readAudit, type AuditEntry} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'

const entry = (id: string): AuditEntry => ({
  time: '2026-11-24T10:00:00.000Z', action: 'remove', kind: 'product', profile: 'default', customer: 'acme',
  id, hostname: 'ls-01', product: 'Citrix License Server', result: 'removed',
})

describe('audit log', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('appends JSON lines in the data dir, readable only by the user', async () => {
    await appendAudit(entry('a'))
    await appendAudit(entry('b'))
    assert.deepEqual((await readAudit()).map((e) => e.id), ['a', 'b'])
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
    assert.deepEqual((await readAudit()).map((e) => e.id), ['a', 'b'])
  })
})
