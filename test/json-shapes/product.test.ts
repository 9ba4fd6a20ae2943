import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'
import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../helpers/nock.js'
import {daysAgo, productWire, serviceUnavailableBody as unavailable} from '../helpers/products.js'

const listPath = '/root/trust/v1/registeredproducts/acme'
const codePath = '/root/trust/v1/registrations/acme/codes/AB12CD34'
const registerPath = '/root/trust/v1/registrations/acme'
const fresh = productWire({instanceID: 'fresh-id', hostname: 'ls-02.corp.example', lastContactTime: daysAgo(1)})
const staleA = productWire({instanceID: 'stale-a', hostname: 'ls-01.corp.example', lastContactTime: daysAgo(90)})
const staleB = productWire({
  instanceID: 'stale-b',
  hostname: 'fas-01.corp.example',
  service: 'FederatedAuthenticationService',
  lastContactTime: daysAgo(45),
})
// [model] lastContactTime may be absent, and registrationTime null: both read as null then.
const {lastContactTime: _none, ...silentWire} = productWire({instanceID: 'silent', hostname: 'ls-09.corp.example'})
const pendingBody = {
  code: 'AB12CD34',
  status: 'Pending',
  service: 'LicenseServer',
  deviceInfo: productWire({}).deviceInfo,
  expiryTimestamp: '2026-11-24T10:15:00Z',
}

describe('locked --json shapes: ctx product and ctx register', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  // The token is cached in the config folder: only a test's first command asks for one.
  const listed = (token = true) =>
    (token ? mockToken() : nock(testApi))
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh, staleA, staleB]})
  const registered = () =>
    mockToken()
      .get(codePath)
      .reply(200, pendingBody)
      .post(registerPath, {code: 'AB12CD34'})
      .reply(201, productWire({instanceID: 'new-id'}))

  it('product list', async () => {
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh, staleA, staleB, {...silentWire, registrationTime: null}]})
    expectJsonShape('product-list', await runJson(['product', 'list']))
  })

  it('product register', async () => {
    registered()
    expectJsonShape('product-register', await runJson(['product', 'register', '--code', 'AB12CD34', '--yes']))
  })

  it('register (the short form of product register)', async () => {
    registered()
    expectJsonShape('register', await runJson(['register', '--code', 'AB12CD34', '--yes']))
  })

  it('product remove: one removed and one not found, and a dry run', async () => {
    listed().delete(`${listPath}/fresh-id`).reply(204)
    const removed = await runJson(['product', 'remove', 'fresh-id', 'gone-id', '--yes'])
    listed(false)
    const dryRun = await runJson(['product', 'remove', '--stale', '30d', '--dry-run'])
    expectJsonShape('product-remove', removed, dryRun)
  })

  it('product remove: the error document of a partial failure (exit 10) carries every item', async () => {
    listed().delete(`${listPath}/stale-a`).reply(204).delete(`${listPath}/stale-b`).reply(503, unavailable)
    const document = await runJson(['product', 'remove', '--stale', '30d', '--yes', '--max-retries', '0'], {exit: 10})
    expectJsonShape('product-remove.partial-failure', document)
  })

  it('product remove: the error document of a run stopped before its end (exit 11 or 130) carries every item', async () => {
    process.env.CTX_DATA_DIR = join(temp.dir, 'data')
    mkdirSync(join(temp.dir, 'data', 'audit.jsonl'), {recursive: true}) // the audit log cannot be written
    listed().delete(`${listPath}/stale-a`).reply(204)
    const document = await runJson(['product', 'remove', 'stale-a', 'stale-b', '--yes', '--concurrency', '1'], {
      exit: 11,
    })
    expectJsonShape('product-remove.stopped', document)
  })

  it('product history: a registration, a removal and a failed removal (with its error)', async () => {
    registered()
    await runJson(['register', '--code', 'AB12CD34', '--yes'])
    listed(false).delete(`${listPath}/stale-a`).reply(204).delete(`${listPath}/stale-b`).reply(503, unavailable)
    await runJson(['product', 'remove', '--stale', '30d', '--yes', '--max-retries', '0'], {exit: 10})
    expectJsonShape('product-history', await runJson(['product', 'history']))
  })
})
