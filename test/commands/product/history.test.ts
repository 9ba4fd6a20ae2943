import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {appendAudit, type AuditEntry} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'

const entry = (id: string, time: string, action: AuditEntry['action'] = 'remove'): AuditEntry => ({
  time,
  action,
  kind: 'product',
  profile: 'default',
  customer: 'acme',
  id,
  hostname: `host-${id}`,
  product: 'Citrix License Server',
  result: action === 'register' ? 'registered' : 'removed',
})

describe('ctx product history', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('shows the audit log newest first', async () => {
    await appendAudit(entry('old', '2026-11-01T10:00:00Z', 'register'))
    await appendAudit(entry('new', '2026-11-20T10:00:00Z'))
    const {stdout} = await runCommand(['product', 'history'])
    assert.ok(stdout.indexOf('host-new') < stdout.indexOf('host-old'))
    assert.match(stdout, /register product .*registered .*host-old/)
  })

  it('returns the entries under --json, limited with --limit', async () => {
    await appendAudit(entry('a', '2026-11-01T10:00:00Z'))
    await appendAudit(entry('b', '2026-11-02T10:00:00Z'))
    const {stdout} = await runCommand(['product', 'history', '--json', '--limit', '1'])
    assert.deepEqual(
      (JSON.parse(stdout) as {entries: AuditEntry[]}).entries.map((e) => e.id),
      ['b'],
    )
  })

  it('filters by --action, --since and --profile', async () => {
    await appendAudit(entry('old', '2026-01-01T10:00:00Z', 'register'))
    await appendAudit({...entry('other', new Date().toISOString()), profile: 'prod'})
    await appendAudit(entry('recent', new Date().toISOString()))
    const ids = async (...args: string[]) =>
      (
        JSON.parse((await runCommand(['product', 'history', '--json', ...args])).stdout) as {entries: AuditEntry[]}
      ).entries.map((e) => e.id)
    assert.deepEqual(await ids('--action', 'register'), ['old'])
    assert.deepEqual(await ids('--since', '7d'), ['recent', 'other'])
    assert.deepEqual(await ids('--profile', 'prod'), ['other'])
  })

  it('shows why an entry failed in an error column, and writes CSV with ISO times and a header when empty', async () => {
    await appendAudit({...entry('bad', '2026-11-01T10:00:00Z'), result: 'failed', error: 'Citrix answered 403'})
    const {stdout} = await runCommand(['product', 'history', '--wide'])
    assert.match(stdout, /Error/)
    assert.match(stdout, /FAILED|failed .*Citrix answered 403/)
    const csv = (await runCommand(['product', 'history', '--csv'])).stdout.trim().split(/\r?\n/)
    assert.equal(csv[0], 'time,action,kind,result,hostname,product,id,profile,customer,error')
    assert.match(csv[1]!, /^2026-11-01T10:00:00\.000Z,remove,product,failed,/)
    const empty = await runCommand(['product', 'history', '--csv', '--action', 'register'])
    assert.equal(empty.stdout.trim(), csv[0])
  })

  it('says when nothing was recorded yet', async () => {
    const {stdout, stderr} = await runCommand(['product', 'history'])
    assert.equal(stdout, '')
    assert.match(stderr, /Nothing registered or removed with ctx yet/)
  })
})

describe('ctx --debug and expected errors', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('prints no stack trace for an expected error (exit 2) under --debug', async () => {
    const {error, stderr} = await runCommand(['product', 'history', '--since', 'yesterday', '--debug'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--since/)
    assert.ok(!/\n\s+at /.test(stderr), stderr)
  })
})
