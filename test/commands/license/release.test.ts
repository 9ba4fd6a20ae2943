import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud/cvad/ud'
const expiredUser = {
  userId: 'u-1',
  userName: 'ada',
  licenseAssignedDate: '2025-01-01T00:00:00Z',
  lastLoginDate: '2025-03-01T00:00:00Z',
  licenseStatus: 'Expired',
}

function mockExpired() {
  return mockToken()
    .get(`${base}/users`)
    .query(true)
    .reply(200, {items: [expiredUser], continuationToken: null})
    .get(`${base}/devices`)
    .query(true)
    .reply(200, {items: [], continuationToken: null})
}

describe('ctx license release', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('lists what would go under --dry-run and releases nothing', async () => {
    mockExpired()
    const {stdout, stderr, error} = await runCommand(['license', 'release', '--expired', '--dry-run'])
    assert.equal(error, undefined)
    assert.match(stdout, /Result .* Name .* Kind .* Last login .* Id/)
    assert.match(stdout, /would release .* ada .* user .* 2025-03-01 .* u-1/)
    assert.match(stderr, /Dry run: 1 license would be released; nothing was changed/)
  })

  it('exits 2 naming --yes when there is no terminal to confirm on', async () => {
    mockExpired()
    const {error, stderr} = await runCommand(['license', 'release', '--expired'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --yes/)
  })

  it('releases with --yes and reports the count', async () => {
    mockExpired()
      .post(`${base}/release`, {consumerList: ['u-1']})
      .reply(200, {releasedCount: 1, failed: []})
    const {stdout} = await runCommand(['license', 'release', '--expired', '--yes', '--json'])
    assert.deepEqual(JSON.parse(stdout), {
      dryRun: false,
      confirmed: true,
      items: [{id: 'u-1', name: 'ada', kind: 'user', lastLoginDate: '2025-03-01T00:00:00Z', result: 'released'}],
      released: 1,
      failed: 0,
    })
  })

  it('uses the streams of the removals: the list to confirm on stderr, the report on stdout', async () => {
    mockExpired()
      .post(`${base}/release`, {consumerList: ['u-1']})
      .reply(200, {releasedCount: 1, failed: []})
    const {stdout, stderr} = await runCommand(['license', 'release', '--expired', '--yes'])
    assert.match(stderr, /Name .* Kind .* Last login .* Id[\s\S]*ada .* u-1/)
    assert.equal(stdout.match(/ada/g)?.length, 1, 'the list to confirm is not on stdout')
    assert.match(stdout, /^│ released .* ada .* u-1/m)
    assert.match(stderr, /Released 1, failed 0\./)
  })

  it('reports each failure and exits 10', async () => {
    mockToken()
      .post(`${base}/release`, {consumerList: ['a', 'b']})
      .reply(200, {releasedCount: 1, failed: [{id: 'b', reason: 'Consumer not found.'}]})
    const {error, stdout, stderr} = await runCommand(['license', 'release', '--id', 'a', '--id', 'b', '--yes'])
    assert.equal(error?.oclif?.exit, 10)
    assert.match(stdout, /^│ FAILED .* b .* Consumer not found\./m)
    assert.match(stdout, /^│ released .* a /m)
    assert.match(stderr, /1 of 2 licenses was not released/)
  })

  it('carries the whole report in the --json error of a partial failure, as the removals do', async () => {
    mockToken()
      .post(`${base}/release`, {consumerList: ['a', 'b']})
      .reply(200, {releasedCount: 1, failed: [{id: 'b', reason: 'Consumer not found.'}]})
    const {stdout} = await runCommand(['license', 'release', '--id', 'a', '--id', 'b', '--yes', '--json'])
    const json = JSON.parse(stdout) as {
      error: {exitCode: number}
      items: Array<{id: string; result: string; error?: string}>
      failed: number
    }
    assert.equal(json.error.exitCode, 10)
    assert.equal(json.failed, 1)
    assert.deepEqual(
      json.items.map((i) => [i.id, i.result, i.error]),
      [
        ['a', 'released', undefined],
        ['b', 'failed', 'Consumer not found.'],
      ],
    )
  })

  it('exits 2 when told neither --expired nor --id', async () => {
    const {error, stderr} = await runCommand(['license', 'release'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --expired, or --id/)
  })
})
