import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'
import nock from 'nock'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud/cvad/ud'
const user = (id: string, userName: string) => ({
  userId: id,
  userName,
  licenseAssignedDate: '2026-01-01T00:00:00Z',
  lastLoginDate: '2026-11-01T00:00:00Z',
  licenseStatus: 'Active',
})

describe('ctx license export', () => {
  let temp: ReturnType<typeof useTempConfig>
  let dir: string
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
    dir = mkdtempSync(join(tmpdir(), 'ctx-export-cmd-'))
  })
  afterEach(() => {
    temp.restore()
    rmSync(dir, {recursive: true, force: true})
  })
  useNock()

  it('exits 2 on --view with users, naming the conflict, before any call', async () => {
    const {error, stderr} = await runCommand(['license', 'export', 'users', '--view', 'partner-daas'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--view does not apply to export users/)
  })

  it('writes CSV to stdout with the fixed header and a formula-looking user name neutralised', async () => {
    mockToken()
      .get(`${base}/users`)
      .query(true)
      .reply(200, {items: [user('u1', 'ada'), user('u2', '=cmd|"/C calc"!A0')], continuationToken: null})
    const {stdout, stderr} = await runCommand(['license', 'export', 'users'])
    const lines = stdout.trim().split('\r\n')
    assert.equal(lines[0], 'userId,userName,licenseAssignedDate,lastLoginDate,licenseStatus')
    assert.equal(lines[2], `u2,"'=cmd|""/C calc""!A0",2026-01-01T00:00:00Z,2026-11-01T00:00:00Z,Active`)
    assert.match(stderr, /Exported 2 rows \(users\)/)
  })

  it('writes the file through --out with every row once despite a 503 and a 429 mid-export', async () => {
    const busy = {type: 'https://errors-api.cloud.com/common/serviceUnavailable', detail: 'busy'}
    mockToken()
      .get(`${base}/users`)
      .query({limit: '1000'})
      .reply(200, {items: [user('u1', 'ada')], continuationToken: 'n'})
      .get(`${base}/users`)
      .query({limit: '1000', continuationToken: 'n'})
      .reply(503, busy, {'retry-after': '0'})
      .get(`${base}/users`)
      .query({limit: '1000', continuationToken: 'n'})
      .reply(429, busy, {'retry-after': '0'})
      .get(`${base}/users`)
      .query({limit: '1000', continuationToken: 'n'})
      .reply(200, {items: [user('u2', 'bob')], continuationToken: null})
    const out = join(dir, 'users.json')
    const {stdout, error} = await runCommand(['license', 'export', 'users', '--format', 'json', '--out', out, '--json'])
    assert.equal(error, undefined)
    assert.deepEqual(JSON.parse(stdout), {dataset: 'users', format: 'json', rows: 2, out})
    assert.deepEqual(
      (JSON.parse(readFileSync(out, 'utf8')) as Array<{userId: string}>).map((u) => u.userId),
      ['u1', 'u2'],
    )
  })

  it('keeps the old file when the customer is not entitled, and exits 6', async () => {
    mockToken()
      // With no progress line (not a terminal) the export asks for no count: the first page says it.
      .get('/licensing/license/enterprise/cloud/secureworkspaceaccess/ud/users')
      .query(true)
      .reply(404, {type: 'https://errors-api.cloud.com/licensing/notFound', detail: 'Not entitled'})
    const out = join(dir, 'users.csv')
    writeFileSync(out, 'old')
    const {error} = await runCommand(['license', 'export', 'users', '--product', 'secure-private-access', '--out', out])
    assert.equal(error?.oclif?.exit, 6)
    assert.equal(readFileSync(out, 'utf8'), 'old')
    assert.deepEqual(readdirSync(dir), ['users.csv'])
  })

  it('refuses --json without --out, since stdout carries the export', async () => {
    const {error, stdout} = await runCommand(['license', 'export', 'users', '--json'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stdout, /--json needs --out/)
  })

  it('refuses an unknown dataset with exit 2', async () => {
    const {error} = await runCommand(['license', 'export', 'licenses'])
    assert.equal(error?.oclif?.exit, 2)
  })

  it('refuses --out naming a folder with exit 2 before asking Citrix for anything', async () => {
    const {error, stderr} = await runCommand(['license', 'export', 'users', '--out', dir]) // no call mocked: none may be made
    assert.equal(error?.oclif?.exit, 2, stderr)
    assert.match(stderr, /is a folder/)
    assert.deepEqual(readdirSync(dir), [])
  })

  it('takes --out - as stdout', async () => {
    mockToken()
      .get(`${base}/users`)
      .query(true)
      .reply(200, {items: [user('u1', 'ada')], continuationToken: null})
    const {stdout, error} = await runCommand(['license', 'export', 'users', '--format', 'ndjson', '--out', '-'])
    assert.equal(error, undefined)
    assert.equal((JSON.parse(stdout) as {userId: string}).userId, 'u1')
    assert.deepEqual(readdirSync(dir), [])
  })

  it('creates the file 0600, or with --mode as asked', async function () {
    if (process.platform === 'win32') this.skip()
    for (const [args, mode] of [
      [[], 0o600],
      [['--mode', '0640'], 0o640],
    ] as Array<[string[], number]>) {
      const scope = mode === 0o600 ? mockToken() : nock(testApi) // the token is cached after the first run
      scope
        .get(`${base}/users`)
        .query(true)
        .reply(200, {items: [user('u1', 'ada')], continuationToken: null})
      const out = join(dir, `users-${mode.toString(8)}.csv`)
      const {error} = await runCommand(['license', 'export', 'users', '--out', out, ...args])
      assert.equal(error, undefined)
      assert.equal(statSync(out).mode & 0o777, mode)
    }
  })

  it('refuses a --mode that is not octal permission bits, or without --out, with exit 2', async () => {
    for (const args of [
      ['--out', join(dir, 'x.csv'), '--mode', 'rw-r-----'],
      ['--out', join(dir, 'x.csv'), '--mode', '1777'],
      ['--mode', '0600'],
    ]) {
      const {error, stderr} = await runCommand(['license', 'export', 'users', ...args])
      assert.equal(error?.oclif?.exit, 2, `${args.join(' ')}: ${stderr}`)
    }
  })
})
