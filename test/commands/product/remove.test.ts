import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {readAudit} from '../../../src/services/audit-log.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'
import {daysAgo, productWire, serviceUnavailableBody as unavailable} from '../../helpers/products.js'

const listPath = '/root/trust/v1/registeredproducts/acme'
const fresh = productWire({instanceID: 'fresh-id', hostname: 'ls-02.corp.example', lastContactTime: daysAgo(1)})
const staleA = productWire({instanceID: 'stale-a', hostname: 'ls-01.corp.example', lastContactTime: daysAgo(90)})
const staleB = productWire({
  instanceID: 'stale-b',
  hostname: 'fas-01.corp.example',
  service: 'FederatedAuthenticationService',
  lastContactTime: daysAgo(45),
})

describe('ctx product remove', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  const listed = () =>
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh, staleA, staleB]})

  it('lists what --dry-run would remove, says nothing changed, and calls no DELETE', async () => {
    listed()
    const {error, stdout, stderr} = await runCommand(['product', 'remove', '--stale', '30d', '--dry-run'])
    assert.equal(error, undefined)
    assert.match(stdout, /would remove .*ls-01\.corp\.example/)
    assert.match(stdout, /would remove .*fas-01\.corp\.example/)
    assert.doesNotMatch(stdout, /ls-02/)
    assert.match(stderr, /Dry run: 2 product registrations would be removed; nothing was changed/)
  })

  it('removes the stale ones with --yes and reports each one', async () => {
    listed().delete(`${listPath}/stale-a`).reply(204).delete(`${listPath}/stale-b`).reply(204)
    const {error, stdout, stderr} = await runCommand(['product', 'remove', '--stale', '30d', '--yes'])
    assert.equal(error, undefined)
    assert.equal(stdout.match(/removed/g)?.length, 2)
    assert.match(stderr, /Removed 2, not found 0, failed 0/)
    assert.deepEqual((await readAudit()).map((e) => e.id).sort(), ['stale-a', 'stale-b'])
  })

  it('shows what would go, then exits 2 without a terminal and without --yes, removing nothing', async () => {
    listed()
    const {error, stderr} = await runCommand(['product', 'remove', '--stale', '30d'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /stale-a/)
    assert.match(stderr, /Pass --yes/)
  })

  it('removes by id and reports an id that is not registered as not found', async () => {
    listed().delete(`${listPath}/fresh-id`).reply(204)
    const {error, stdout} = await runCommand(['product', 'remove', 'fresh-id', 'gone-id', '--yes', '--json'])
    assert.equal(error, undefined)
    const report = JSON.parse(stdout) as {items: Array<{id: string; result: string}>}
    assert.deepEqual(
      report.items.map((i) => [i.id, i.result]),
      [
        ['fresh-id', 'removed'],
        ['gone-id', 'not-found'],
      ],
    )
  })

  it('exits 10 naming each failure, after removing the rest', async () => {
    listed().delete(`${listPath}/stale-a`).reply(204).delete(`${listPath}/stale-b`).reply(503, unavailable)
    const {error, stdout, stderr} = await runCommand([
      'product',
      'remove',
      '--stale',
      '30d',
      '--yes',
      '--max-retries',
      '0',
    ])
    assert.equal(error?.oclif?.exit, 10)
    assert.match(stdout, /FAILED .*stale-b .*503: Service unavailable/)
    assert.match(stderr, /1 of 2 could not be removed: stale-b \(fas-01\.corp\.example\)/)
    assert.match(stderr, /Run the same command again/)
  })

  it('answers a 403 with the permission it lacks, not only "run it again"', async () => {
    const forbidden = {type: 'https://errors-api.cloud.com/common/forbidden', detail: 'Forbidden'}
    listed().delete(`${listPath}/stale-a`).reply(204).delete(`${listPath}/stale-b`).reply(403, forbidden)
    const {error, stderr} = await runCommand(['product', 'remove', '--stale', '30d', '--yes'])
    assert.equal(error?.oclif?.exit, 10)
    assert.match(stderr, /Hint: The API client lacks a permission/)
  })

  it('puts every item into the --json error document on a partial failure', async () => {
    listed().delete(`${listPath}/stale-a`).reply(204).delete(`${listPath}/stale-b`).reply(503, unavailable)
    const {stdout} = await runCommand(['product', 'remove', '--stale', '30d', '--yes', '--max-retries', '0', '--json'])
    const document = JSON.parse(stdout) as {
      error: {exitCode: number}
      failed: number
      items: Array<{id: string; result: string}>
    }
    assert.equal(document.error.exitCode, 10)
    assert.equal(document.failed, 1)
    assert.deepEqual(document.items.map((i) => i.result).sort(), ['failed', 'removed'])
  })

  it('retries a DELETE answered 503 under the shared retry rules', async () => {
    listed().delete(`${listPath}/stale-a`).reply(503, unavailable).delete(`${listPath}/stale-a`).reply(204)
    const {error} = await runCommand(['product', 'remove', '--stale', '60d', '--yes'])
    assert.equal(error, undefined)
  })

  it('says so when nothing matches, and names the list command', async () => {
    listed()
    const {error, stderr} = await runCommand(['product', 'remove', '--stale', '365d', '--yes'])
    assert.equal(error, undefined)
    assert.match(stderr, /nothing to remove.*`ctx product list`/)
  })

  it('exits 2 when neither ids nor filters are given', async () => {
    const {error, stderr} = await runCommand(['product', 'remove', '--yes'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Nothing selected to remove/)
  })

  it('exits 2 when ids and filters are mixed', async () => {
    const {error, stderr} = await runCommand(['product', 'remove', 'stale-a', '--stale', '30d', '--yes'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Give ids or filters/)
  })

  it('refuses a --concurrency outside 1–16', async () => {
    const {error} = await runCommand(['product', 'remove', '--stale', '30d', '--concurrency', '0'])
    assert.equal(error?.oclif?.exit, 2)
  })

  it('stops when the audit log cannot be written, still prints the report, and exits 11 naming what is not recorded', async () => {
    process.env.CTX_DATA_DIR = join(temp.dir, 'data')
    mkdirSync(join(temp.dir, 'data', 'audit.jsonl'), {recursive: true}) // in the way: every append fails (EISDIR)
    listed().delete(`${listPath}/stale-a`).reply(204)
    const {error, stdout, stderr} = await runCommand([
      'product',
      'remove',
      'stale-a',
      'stale-b',
      '--yes',
      '--concurrency',
      '1',
    ])
    assert.equal(error?.oclif?.exit, 11, stderr)
    assert.match(stdout, /removed .*ls-01\.corp\.example/)
    assert.match(stdout, /not started .*fas-01\.corp\.example/)
    assert.match(stderr, /Removed 1, not found 0, failed 0, not started 1\./)
    assert.match(
      stderr,
      /^Error: Cannot write the audit log .*audit\.jsonl: it is a folder \(EISDIR\)\. Removal stopped: removed 1, failed 0, not started 1; not recorded there: stale-a \(removed\)\.$/m,
    )
  })

  it('carries the whole report in the --json error when stopped', async () => {
    process.env.CTX_DATA_DIR = join(temp.dir, 'data')
    mkdirSync(join(temp.dir, 'data', 'audit.jsonl'), {recursive: true})
    listed().delete(`${listPath}/stale-a`).reply(204)
    const {error, stdout} = await runCommand([
      'product',
      'remove',
      'stale-a',
      'stale-b',
      '--yes',
      '--concurrency',
      '1',
      '--json',
    ])
    assert.equal(error?.oclif?.exit, 11)
    const document = JSON.parse(stdout) as {
      error: {exitCode: number}
      removed: number
      items: Array<{id: string; result: string}>
    }
    assert.equal(document.error.exitCode, 11)
    assert.deepEqual(
      document.items.map((i) => [i.id, i.result]),
      [
        ['stale-a', 'removed'],
        ['stale-b', 'not-started'],
      ],
    )
  })
})
