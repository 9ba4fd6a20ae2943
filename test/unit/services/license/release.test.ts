import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import nock from 'nock'

import {findReleaseCandidates, releaseLicensesInBatches} from '../../../../src/services/license/release.js'
import {clientFor} from '../../../helpers/citrix.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud/cvad/ud'
const ids = (n: number, prefix = 'id') => Array.from({length: n}, (_, i) => `${prefix}-${i}`)

describe('license release service', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())
  useNock()

  it('releases in batches of at most 100', async () => {
    const all = ids(250)
    mockToken()
      .post(`${base}/release`, {consumerList: all.slice(0, 100)})
      .reply(200, {releasedCount: 100, failed: []})
      .post(`${base}/release`, {consumerList: all.slice(100, 200)})
      .reply(200, {releasedCount: 100, failed: []})
      .post(`${base}/release`, {consumerList: all.slice(200)})
      .reply(200, {releasedCount: 50, failed: []})
    const result = await releaseLicensesInBatches(await clientFor(fakeCredentialsEnv()), {product: 'daas', ids: all})
    assert.deepEqual(result, {released: 250, failed: []})
  })

  it('counts every id of a refused batch as failed with the reason, and goes on', async () => {
    const all = ids(150)
    nock(testApi)
      .post(`${base}/release`)
      .reply(400, {type: 'https://errors-api.cloud.com/common/badRequest', detail: 'Consumer id-3 holds an active license'})
      .post(`${base}/release`)
      .reply(200, {releasedCount: 49, failed: [{id: 'id-120', reason: 'Consumer not found.'}]})
    const result = await releaseLicensesInBatches(await clientFor(fakeCredentialsEnv()), {product: 'daas', ids: all})
    assert.equal(result.released, 49)
    assert.equal(result.failed.length, 101)
    assert.deepEqual(result.failed[0], {id: 'id-0', reason: 'Consumer id-3 holds an active license'})
  })

  it('finds the expired users and devices, and adds the given ids', async () => {
    nock(testApi)
      .get(`${base}/users`)
      .query(true)
      .reply(200, {items: [{userId: 'u1', userName: 'A', licenseStatus: 'Expired'}, {userId: 'u2', userName: 'B', licenseStatus: 'Active'}], continuationToken: null})
      .get(`${base}/devices`)
      .query(true)
      .reply(200, {items: [{deviceId: 'd1', deviceName: 'LT-1', licenseStatus: 'Expired'}], continuationToken: null})
    const candidates = await findReleaseCandidates(await clientFor(fakeCredentialsEnv()), {product: 'daas', expired: true, ids: ['x9', 'u1']})
    assert.deepEqual(candidates.map((c) => `${c.kind}:${c.id}`), ['user:u1', 'device:d1', 'given:x9'])
  })
})
