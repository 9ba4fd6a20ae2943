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

  it('fails only the id a refused batch names, with its own reason, and sends the rest again (issue 12, bug 11)', async () => {
    const all = ids(150)
    nock(testApi)
      .post(`${base}/release`, {consumerList: all.slice(0, 100)})
      .reply(400, {
        type: 'https://errors-api.cloud.com/common/badRequest',
        detail: 'Consumer id-3 holds an active license',
      })
      .post(`${base}/release`, {consumerList: all.slice(0, 100).filter((id) => id !== 'id-3')})
      .reply(200, {releasedCount: 99, failed: []})
      .post(`${base}/release`, {consumerList: all.slice(100)})
      .reply(200, {releasedCount: 49, failed: [{id: 'id-120', reason: 'Consumer not found.'}]})
    const result = await releaseLicensesInBatches(await clientFor(fakeCredentialsEnv()), {product: 'daas', ids: all})
    assert.equal(result.released, 148)
    assert.deepEqual(result.failed, [
      {id: 'id-3', reason: 'Consumer id-3 holds an active license'},
      {id: 'id-120', reason: 'Consumer not found.'},
    ])
  })

  it('releases an expired id given with an active one, and gives the active one its own reason', async () => {
    nock(testApi)
      .post(`${base}/release`, {consumerList: ['expired-1', 'active-1']})
      .reply(400, {
        type: 'https://errors-api.cloud.com/common/badRequest',
        detail: 'Consumer active-1 holds an active license; only expired licenses can be released.',
      })
      .post(`${base}/release`, {consumerList: ['expired-1']})
      .reply(200, {releasedCount: 1, failed: []})
    const result = await releaseLicensesInBatches(await clientFor(fakeCredentialsEnv()), {
      product: 'daas',
      ids: ['expired-1', 'active-1'],
    })
    assert.deepEqual(result, {
      released: 1,
      failed: [
        {id: 'active-1', reason: 'Consumer active-1 holds an active license; only expired licenses can be released.'},
      ],
    })
  })

  it('narrows a 400 that names no id down by halves', async () => {
    nock(testApi)
      .post(`${base}/release`, {consumerList: ['a-1', 'b-2', 'c-3']})
      .reply(400, {detail: 'One consumer is not expired.'})
      .post(`${base}/release`, {consumerList: ['a-1', 'b-2']})
      .reply(200, {releasedCount: 2, failed: []})
      .post(`${base}/release`, {consumerList: ['c-3']})
      .reply(400, {detail: 'One consumer is not expired.'})
    const result = await releaseLicensesInBatches(await clientFor(fakeCredentialsEnv()), {
      product: 'daas',
      ids: ['a-1', 'b-2', 'c-3'],
    })
    assert.deepEqual(result, {released: 2, failed: [{id: 'c-3', reason: 'One consumer is not expired.'}]})
  })

  it('retries a 429, counts a batch that gets 503 as failed, and still sends the next batch', async () => {
    const all = ids(250)
    nock(testApi)
      .post(`${base}/release`, {consumerList: all.slice(0, 100)})
      .reply(429, {detail: 'Rate limit exceeded'}, {'retry-after': '0'})
      .post(`${base}/release`, {consumerList: all.slice(0, 100)})
      .reply(200, {releasedCount: 100, failed: []})
      .post(`${base}/release`, {consumerList: all.slice(100, 200)})
      .reply(503, {detail: 'Service unavailable'})
      .post(`${base}/release`, {consumerList: all.slice(200)})
      .reply(200, {releasedCount: 50, failed: []})
    const result = await releaseLicensesInBatches(await clientFor(fakeCredentialsEnv(), 2), {product: 'daas', ids: all})
    assert.equal(result.released, 150)
    assert.equal(result.failed.length, 100)
    assert.match(result.failed[0]!.reason, /^batch 2 of 3 was not released: Citrix Cloud answered 503/)
  })

  it('finds the expired users and devices, and adds the given ids', async () => {
    nock(testApi)
      .get(`${base}/users`)
      .query(true)
      .reply(200, {
        items: [
          {userId: 'u1', userName: 'A', licenseStatus: 'Expired'},
          {userId: 'u2', userName: 'B', licenseStatus: 'Active'},
        ],
        continuationToken: null,
      })
      .get(`${base}/devices`)
      .query(true)
      .reply(200, {items: [{deviceId: 'd1', deviceName: 'LT-1', licenseStatus: 'Expired'}], continuationToken: null})
    const candidates = await findReleaseCandidates(await clientFor(fakeCredentialsEnv()), {
      product: 'daas',
      expired: true,
      ids: ['x9', 'u1'],
    })
    assert.deepEqual(
      candidates.map((c) => `${c.kind}:${c.id}`),
      ['user:u1', 'device:d1', 'given:x9'],
    )
  })
})
