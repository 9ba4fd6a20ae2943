import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, useNock} from '../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud/cvad/ud'
const expiredUser = {userId: 'u-1', userName: 'ada', licenseAssignedDate: '2025-01-01T00:00:00Z', lastLoginDate: '2025-03-01T00:00:00Z', licenseStatus: 'Expired'}

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
    assert.match(stdout, /u-1/)
    assert.match(stderr, /Dry run: 1 licenses would be released; nothing was changed/)
  })

  it('exits 2 naming --yes when there is no terminal to confirm on', async () => {
    mockExpired()
    const {error, stderr} = await runCommand(['license', 'release', '--expired'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --yes/)
  })

  it('releases with --yes and reports the count', async () => {
    mockExpired().post(`${base}/release`, {consumerList: ['u-1']}).reply(200, {releasedCount: 1, failed: []})
    const {stdout} = await runCommand(['license', 'release', '--expired', '--yes', '--json'])
    assert.deepEqual(JSON.parse(stdout).released, 1)
  })

  it('reports each failure and exits 10', async () => {
    mockToken().post(`${base}/release`, {consumerList: ['a', 'b']}).reply(200, {releasedCount: 1, failed: [{id: 'b', reason: 'Consumer not found.'}]})
    const {error, stderr} = await runCommand(['license', 'release', '--id', 'a', '--id', 'b', '--yes'])
    assert.equal(error?.oclif?.exit, 10)
    assert.match(stderr, /Warning: b: Consumer not found\./)
    assert.match(stderr, /1 of 2 licenses were not released/)
  })

  it('exits 2 when told neither --expired nor --id', async () => {
    const {error, stderr} = await runCommand(['license', 'release'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Pass --expired, or --id/)
  })
})
