import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import nock from 'nock'

import {
  getCurrentUsageWire,
  getHistoricalUsageWire,
  listLicenseUsers,
  releaseLicenseBatch,
} from '../../../src/citrix/licensing.js'
import {CitrixApiError} from '../../../src/errors.js'
import {clientFor} from '../../helpers/citrix.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'

const base = '/licensing/license/enterprise/cloud'
const timeFormat400 = {
  error_description: '{"Code":400,"Message":"Invalid time format.","Details":"Invalid time format."}',
}

describe('licensing client', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())
  useNock()

  it('calls current with the product segment of the service', async () => {
    mockToken().get(`${base}/daasazure/ud/current`).reply(200, {totalUsageCount: 5})
    const current = await getCurrentUsageWire(await clientFor(fakeCredentialsEnv()), 'daas-azure')
    assert.equal(current.totalUsageCount, 5)
  })

  it('asks for history with startDate and endDate', async () => {
    nock(testApi)
      .get(`${base}/cvad/ud/historicalusage`)
      .query({startDate: '2026-01', endDate: '2026-03'})
      .reply(200, {historicalUsageList: [{timeStamp: '2026-01-01T00:00:00Z'}]})
    const months = await getHistoricalUsageWire(await clientFor(fakeCredentialsEnv()), 'daas', '2026-01', '2026-03')
    assert.equal(months.length, 1)
  })

  it('gives an empty history when Citrix answers 204', async () => {
    nock(testApi).get(`${base}/cvad/ud/historicalusage`).query(true).reply(204)
    assert.deepEqual(
      await getHistoricalUsageWire(await clientFor(fakeCredentialsEnv()), 'daas', '2026-01', '2026-03'),
      [],
    )
  })

  it('reads the message inside the JSON-string error_description of a 400, exit 2', async () => {
    nock(testApi).get(`${base}/cvad/ud/historicalusage`).query(true).reply(400, timeFormat400)
    await assert.rejects(
      getHistoricalUsageWire(await clientFor(fakeCredentialsEnv()), 'daas', '2026-1', '2026-03'),
      (error: CitrixApiError) => {
        return error.exitCode === 2 && error.detail === 'Invalid time format.'
      },
    )
  })

  it('turns 404 (not entitled) into exit 6 with a hint naming --product', async () => {
    nock(testApi)
      .get(`${base}/daasazure/ud/current`)
      .reply(404, {type: 'https://errors-api.cloud.com/licensing/notFound', detail: 'Not entitled'})
    await assert.rejects(
      getCurrentUsageWire(await clientFor(fakeCredentialsEnv()), 'daas-azure'),
      (error: CitrixApiError) => {
        return (
          error.exitCode === 6 &&
          /not entitled to Citrix DaaS Standard for Azure/.test(error.hint ?? '') &&
          /--product/.test(error.hint ?? '')
        )
      },
    )
  })

  it('pages users with limit 1000, following continuationToken until null', async () => {
    nock(testApi)
      .get(`${base}/cvad/ud/users`)
      .query({limit: '1000'})
      .reply(200, {items: [{userId: 'a'}], continuationToken: 'next-1'})
      .get(`${base}/cvad/ud/users`)
      .query({limit: '1000', continuationToken: 'next-1'})
      .reply(200, {items: [{userId: 'b'}], continuationToken: null})
    const ids: string[] = []
    for await (const page of listLicenseUsers(await clientFor(fakeCredentialsEnv()), 'daas'))
      ids.push(...page.map((u) => u.userId))
    assert.deepEqual(ids, ['a', 'b'])
  })

  it('posts the ids to release as consumerList', async () => {
    nock(testApi)
      .post(`${base}/secureworkspaceaccess/ud/release`, {consumerList: ['a', 'b']})
      .reply(200, {releasedCount: 1, failed: [{id: 'b', reason: 'gone'}]})
    const reply = await releaseLicenseBatch(await clientFor(fakeCredentialsEnv()), 'secure-private-access', ['a', 'b'])
    assert.deepEqual(reply, {releasedCount: 1, failed: [{id: 'b', reason: 'gone'}]})
  })
})
