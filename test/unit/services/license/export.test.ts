import assert from 'node:assert/strict'
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, afterEach, before, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import type {Writable} from 'node:stream'

import {ExitCode, InterruptedError} from '../../../../src/errors.js'
import {openDestination, type OutTarget} from '../../../../src/output/destination.js'
import type {ExportFormat} from '../../../../src/output/export-writer.js'
import {exportLicenseData, type ExportOptions} from '../../../../src/services/license/export.js'
import {clientFor} from '../../../helpers/citrix.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud/cvad/ud'
const user = (i: number) => ({
  userId: `u${i}`,
  userName: `user${i}`,
  licenseAssignedDate: '2026-01-01T00:00:00Z',
  lastLoginDate: '2026-11-01T00:00:00Z',
  licenseStatus: 'Active',
})
const busy = (status: number) =>
  [
    status,
    {type: 'https://errors-api.cloud.com/common/serviceUnavailable', detail: 'busy'},
    {'retry-after': '0'},
  ] as const

function options(out: string, extra: Partial<ExportOptions> = {}): ExportOptions {
  return {
    dataset: 'users',
    format: 'ndjson',
    out,
    product: 'daas',
    view: 'partner-onprem',
    month: '2026-11',
    range: {start: '2026-01', end: '2026-11'},
    ...extra,
  }
}

/** The real destination, whose disk fills up once `bytes` were written: every later write fails with ENOSPC. */
function fillingUpAfter(bytes: number) {
  return async (target: OutTarget, options: {mode?: number}) => {
    const destination = await openDestination(target, options)
    const stream: Writable = destination.stream
    const write = stream._write.bind(stream)
    let written = 0
    stream._writev = undefined // one chunk at a time, through the _write below
    stream._write = (chunk: Buffer, encoding, callback) => {
      written += chunk.length
      if (written > bytes)
        return callback(Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'}))
      write(chunk, encoding, callback)
    }
    return destination
  }
}

describe('license export service', () => {
  let temp: ReturnType<typeof useTempConfig>
  let dir: string
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ctx-export-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))
  useNock()

  it('writes every row exactly once when pages answer 503 and 429 before succeeding', async () => {
    mockToken()
      .get(`${base}/current`)
      .reply(200, {userLicenseUsage: {totalUsageCount: 3, releasedCount: 0}})
      .get(`${base}/users`)
      .query({limit: '1000'})
      .reply(200, {items: [user(1)], continuationToken: 't2'})
      .get(`${base}/users`)
      .query({limit: '1000', continuationToken: 't2'})
      .reply(...busy(503))
      .get(`${base}/users`)
      .query({limit: '1000', continuationToken: 't2'})
      .reply(...busy(429))
      .get(`${base}/users`)
      .query({limit: '1000', continuationToken: 't2'})
      .reply(200, {items: [user(2), user(3)], continuationToken: null})
    const out = join(dir, 'users.ndjson')
    const progress: number[] = []
    const result = await exportLicenseData(
      await clientFor(fakeCredentialsEnv()),
      options(out, {onProgress: (rows) => progress.push(rows)}),
    )
    assert.equal(result.rows, 3)
    assert.deepEqual(progress, [1, 3])
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    assert.deepEqual(
      lines.map((l) => (JSON.parse(l) as {userId: string}).userId),
      ['u1', 'u2', 'u3'],
    )
  })

  it('keeps the old file intact and leaves no temporary file when a page fails for good', async () => {
    nock(testApi)
      .get(`${base}/current`)
      .reply(200, {userLicenseUsage: {totalUsageCount: 3, releasedCount: 0}})
      .get(`${base}/users`)
      .query(true)
      .reply(200, {items: [user(1)], continuationToken: 't2'})
      .get(`${base}/users`)
      .query(true)
      .times(2)
      .reply(...busy(503))
    const out = join(dir, 'users.ndjson')
    writeFileSync(out, 'old export')
    const client = await clientFor(fakeCredentialsEnv(), 1)
    await assert.rejects(
      exportLicenseData(client, options(out)),
      (error: {exitCode: number}) => error.exitCode === ExitCode.unavailable,
    )
    assert.equal(readFileSync(out, 'utf8'), 'old export')
    assert.deepEqual(readdirSync(dir), ['users.ndjson'])
  })

  it('stops on abort with exit 130 and leaves no file', async () => {
    const abort = new AbortController()
    nock(testApi)
      .get(`${base}/current`)
      .reply(200, {userLicenseUsage: {totalUsageCount: 3, releasedCount: 0}})
      .get(`${base}/users`)
      .query(true)
      .reply(200, {items: [user(1)], continuationToken: 't2'})
      .get(`${base}/users`)
      .query(true)
      .delay(200)
      .reply(200, {items: [user(2)], continuationToken: null})
    const out = join(dir, 'users.ndjson')
    const exporting = exportLicenseData(
      await clientFor(fakeCredentialsEnv()),
      options(out, {signal: abort.signal, onProgress: () => abort.abort(new InterruptedError())}),
    )
    await assert.rejects(exporting, (error: {exitCode: number}) => error.exitCode === ExitCode.interrupted)
    assert.equal(existsSync(out), false)
    assert.deepEqual(readdirSync(dir), [])
    await new Promise((resolve) => setTimeout(resolve, 250)) // let the abandoned request finish, so nock sees it made
  })

  for (const format of ['csv', 'ndjson', 'json', 'xlsx'] as ExportFormat[]) {
    it(`${format}: a disk filling up mid-export is exit 11 naming the file, with the old file intact and no partial file`, async () => {
      nock(testApi)
        .get(`${base}/current`)
        .reply(200, {userLicenseUsage: {totalUsageCount: 4000, releasedCount: 0}})
        .get(`${base}/users`)
        .query(true)
        .reply(200, {items: Array.from({length: 1000}, (_, i) => user(i)), continuationToken: 't2'})
        .get(`${base}/users`)
        .query(true)
        .reply(200, {items: Array.from({length: 1000}, (_, i) => user(1000 + i)), continuationToken: null})
      const out = join(dir, `users.${format}`)
      writeFileSync(out, 'old export')
      const exporting = exportLicenseData(
        await clientFor(fakeCredentialsEnv()),
        options(out, {format, openDestination: fillingUpAfter(1000)}),
      )
      await assert.rejects(exporting, (error: Error & {exitCode: number}) => {
        assert.equal(error.exitCode, ExitCode.localIo)
        assert.equal(error.message, `Cannot write ${out}: no space left on the device (ENOSPC).`)
        return true
      })
      assert.equal(readFileSync(out, 'utf8'), 'old export')
      assert.deepEqual(readdirSync(dir), [`users.${format}`])
    })
  }

  it('keeps no page alive once written: a wait never attaches to the destination failure that never settles', async () => {
    // Promise.race against `failed` left one reaction on it per wait, each holding the page it settled with.
    let reactions = 0
    class CountingPromise<T> extends Promise<T> {
      override then<A = T, B = never>(
        onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
        onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
      ): Promise<A | B> {
        reactions++
        return super.then(onFulfilled, onRejected)
      }
    }
    const pages = 20
    const scope = nock(testApi)
      .get(`${base}/current`)
      .reply(200, {userLicenseUsage: {totalUsageCount: pages, releasedCount: 0}})
    for (let page = 1; page <= pages; page++) {
      scope
        .get(`${base}/users`)
        .query(true)
        .reply(200, {items: [user(page)], continuationToken: page < pages ? `t${page + 1}` : null})
    }
    const out = join(dir, 'users.csv')
    const result = await exportLicenseData(
      await clientFor(fakeCredentialsEnv()),
      options(out, {
        format: 'csv',
        openDestination: async (target, destinationOptions) => ({
          ...(await openDestination(target, destinationOptions)),
          failed: new CountingPromise<never>(() => {}),
        }),
      }),
    )
    assert.equal(result.rows, pages)
    assert.ok(reactions <= 2, `${reactions} reactions on the destination's failure for ${pages} pages`)
  })

  it('checks --out before the first request: a folder is exit 2 and nothing is asked of Citrix', async () => {
    await assert.rejects(
      exportLicenseData(await clientFor(fakeCredentialsEnv()), options(dir)),
      (error: Error & {exitCode: number}) => {
        assert.equal(error.exitCode, ExitCode.usage)
        assert.match(error.message, /is a folder/)
        return true
      },
    )
  })

  it('exports an empty history (204) as the header alone', async () => {
    nock(testApi).get(`${base}/historicalusage`).query(true).reply(204)
    const out = join(dir, 'history.csv')
    const result = await exportLicenseData(
      await clientFor(fakeCredentialsEnv()),
      options(out, {dataset: 'history', format: 'csv'}),
    )
    assert.equal(result.rows, 0)
    assert.match(readFileSync(out, 'utf8'), /^month,totalAvailableLicenseCount,userCumulativeAssignedCount,/)
  })

  it('asks for the count only for a progress line: countFirst false makes no current call and reports no total', async () => {
    const totals: Array<number | undefined> = []
    nock(testApi) // the token is cached by the tests before
      .get(`${base}/users`)
      .query({limit: '1000'})
      .reply(200, {items: [user(1), user(2)], continuationToken: null})
    const quiet = await exportLicenseData(
      await clientFor(fakeCredentialsEnv()),
      options(join(dir, 'quiet.ndjson'), {countFirst: false, onProgress: (_rows, total) => totals.push(total)}),
    )
    nock(testApi)
      .get(`${base}/current`)
      .reply(200, {userLicenseUsage: {totalUsageCount: 2, releasedCount: 0}})
      .get(`${base}/users`)
      .query({limit: '1000'})
      .reply(200, {items: [user(1), user(2)], continuationToken: null})
    const counted = await exportLicenseData(
      await clientFor(fakeCredentialsEnv()),
      options(join(dir, 'counted.ndjson'), {onProgress: (_rows, total) => totals.push(total)}),
    )
    assert.deepEqual([quiet.rows, counted.rows], [2, 2])
    assert.deepEqual(totals, [undefined, 2])
  })
})
