import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {CitrixClient} from '../../../src/citrix/client.js'
import {
  getCurrentUsageWire,
  listLicenseUsers,
  releaseLicenseBatch,
  type LicenseUserWire,
} from '../../../src/citrix/licensing.js'
import {endpoints} from '../../../src/citrix/endpoints.js'
import {CitrixApiError} from '../../../src/errors.js'
import {clientFor} from '../../helpers/citrix.js'
import {useTempConfig} from '../../helpers/env.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

async function allUsers(client: CitrixClient, limit?: number): Promise<LicenseUserWire[]> {
  const users: LicenseUserWire[] = []
  for await (const page of listLicenseUsers(client, 'daas', limit)) users.push(...page)
  return users
}

describe('sandbox: licensed users, devices and release', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let client: CitrixClient
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({
      settings: {sizes: {users: 450, devices: 30, products: 0, customers: 5, appliances: 0}},
    })
    client = await clientFor(sandbox.env)
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('serves 200 rows a page by default and a null token on the last page', async () => {
    const {body} = await client.call<{items: unknown[]; continuationToken: string | null}>(endpoints.licenseUsers, {
      params: {product: 'cvad'},
    })
    assert.equal(body?.items.length, 200)
    const last = await client.call<{items: unknown[]; continuationToken: string | null}>(endpoints.licenseUsers, {
      params: {product: 'cvad'},
      query: {limit: 1000},
    })
    assert.equal(last.body?.items.length, 450)
    assert.equal(last.body?.continuationToken, null)
  })

  it('gives the same rows, each once, whatever the page size', async () => {
    const small = await allUsers(client, 7)
    const large = await allUsers(client, 1000)
    assert.equal(new Set(small.map((u) => u.userId)).size, 450)
    assert.deepEqual(small, large)
  })

  it('refuses a limit outside 1–1000 with 400', async () => {
    for (const limit of [0, 1001]) {
      await assert.rejects(
        client.call(endpoints.licenseUsers, {params: {product: 'cvad'}, query: {limit}}),
        (error: CitrixApiError) => error.status === 400,
      )
    }
  })

  it('refuses more than 100 consumers in one release call with 400', async () => {
    const ids = Array.from({length: 101}, (_, i) => `id-${i}`)
    await assert.rejects(
      releaseLicenseBatch(client, 'daas', ids),
      (error: CitrixApiError) => error.status === 400 && /At most 100/.test(error.detail),
    )
  })

  it('refuses to release a license that has not expired with 400', async () => {
    const active = (await allUsers(client)).find((u) => u.licenseStatus === 'Active')!
    await assert.rejects(
      releaseLicenseBatch(client, 'daas', [active.userId]),
      (error: CitrixApiError) => error.status === 400 && /not expired|active license/.test(error.detail),
    )
  })

  it('releases an expired license, which then leaves the list and counts as released', async () => {
    const expired = (await allUsers(client)).find((u) => u.licenseStatus === 'Expired')!
    const reply = await releaseLicenseBatch(client, 'daas', [expired.userId, 'no-such-id'])
    assert.deepEqual(reply, {releasedCount: 1, failed: [{id: 'no-such-id', reason: 'Consumer not found.'}]})
    const after = await allUsers(client)
    assert.equal(after.length, 449)
    assert.ok(!after.some((u) => u.userId === expired.userId))
    const current = await getCurrentUsageWire(client, 'daas')
    assert.deepEqual(current.userLicenseUsage, {totalUsageCount: 449, releasedCount: 1})
  })

  it('reports a license released twice as a failed item', async () => {
    const expired = (await allUsers(client)).find((u) => u.licenseStatus === 'Expired')!
    await releaseLicenseBatch(client, 'daas', [expired.userId])
    const reply = await releaseLicenseBatch(client, 'daas', [expired.userId])
    assert.deepEqual(reply.failed, [{id: expired.userId, reason: 'License already released.'}])
  })
})
