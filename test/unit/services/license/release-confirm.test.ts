import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {releaseLicenses, type ReleaseCandidate} from '../../../../src/services/license/release.js'
import {clientFor} from '../../../helpers/citrix.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud/cvad/ud'

function mockExpired(scope: nock.Scope = mockToken()): nock.Scope {
  return scope
    .get(`${base}/users`)
    .query(true)
    .reply(200, {
      items: [{userId: 'u1', userName: 'ada', lastLoginDate: '2025-03-01T00:00:00Z', licenseStatus: 'Expired'}],
      continuationToken: null,
    })
    .get(`${base}/devices`)
    .query(true)
    .reply(200, {items: [], continuationToken: null})
}

/** A confirm callback that answers `answer` and records what it was asked. */
function confirmer(answer: boolean) {
  const asked: ReleaseCandidate[][] = []
  return {asked, confirm: async (candidates: ReleaseCandidate[]) => (asked.push(candidates), answer)}
}

describe('license release service: confirm, then act', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())
  useNock()

  it('asks with the exact candidates, then releases them', async () => {
    mockExpired()
      .post(`${base}/release`, {consumerList: ['u1', 'x9']})
      .reply(200, {releasedCount: 2, failed: []})
    const {asked, confirm} = confirmer(true)
    const report = await releaseLicenses(await clientFor(fakeCredentialsEnv()), {
      product: 'daas',
      expired: true,
      ids: ['x9'],
      confirm,
    })
    assert.deepEqual(
      asked.map((candidates) => candidates.map((c) => c.id)),
      [['u1', 'x9']],
    )
    assert.deepEqual([report.released, report.failed, report.confirmed, report.dryRun], [2, 0, true, false])
    assert.deepEqual(
      report.items.map((i) => [i.id, i.result]),
      [
        ['u1', 'released'],
        ['x9', 'released'],
      ],
    )
  })

  it('releases nothing when the answer is no', async () => {
    mockExpired()
    const report = await releaseLicenses(await clientFor(fakeCredentialsEnv()), {
      product: 'daas',
      expired: true,
      ids: [],
      confirm: confirmer(false).confirm,
    })
    assert.deepEqual([report.items.length, report.released, report.confirmed], [0, 0, false])
  })

  it('does not ask on a dry run, nor when there is nothing to release', async () => {
    mockExpired()
    const {asked, confirm} = confirmer(true)
    const client = await clientFor(fakeCredentialsEnv())
    const dryRun = await releaseLicenses(client, {product: 'daas', expired: true, ids: [], dryRun: true, confirm})
    assert.deepEqual(
      [dryRun.items.map((i) => i.result), dryRun.dryRun, dryRun.confirmed],
      [['would-release'], true, false],
    )
    nock(testApi)
      .get(`${base}/users`)
      .query(true)
      .reply(200, {items: [], continuationToken: null})
      .get(`${base}/devices`)
      .query(true)
      .reply(200, {items: [], continuationToken: null})
    const none = await releaseLicenses(client, {product: 'daas', expired: true, ids: [], confirm})
    assert.deepEqual(none.items, [])
    assert.equal(asked.length, 0)
  })
})
