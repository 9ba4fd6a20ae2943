import {afterEach, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {expectJsonShape, runJson} from '../helpers/json-shape.js'

/** A profile with a region, ids and a secret kept in the config file (saved unverified: no HTTP). */
async function profileWithSecret(): Promise<void> {
  process.env.CTX_CLIENT_SECRET = 'top-secret-value'
  await runJson(['auth', 'login', '--customer-id', 'acme', '--client-id', 'client-1', '--region', 'eu', '--no-verify'])
  delete process.env.CTX_CLIENT_SECRET
}

describe('locked --json shapes: ctx config', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('config get: a plain setting, a masked secret and an unset setting', async () => {
    await profileWithSecret()
    const plain = await runJson(['config', 'get', 'region'])
    const secret = await runJson(['config', 'get', 'client-secret'])
    const unset = await runJson(['config', 'get', 'api-url'])
    const overridden = await runJson(['config', 'get', 'region', '--api-url', 'https://x.example'])
    process.env.CTX_REGION = 'jp'
    const fromEnv = await runJson(['config', 'get', 'region'])
    expectJsonShape('config-get', plain, secret, unset, overridden, fromEnv)
  })

  it('config set', async () => {
    expectJsonShape('config-set', await runJson(['config', 'set', 'region', 'jp']))
  })

  it('config unset: a setting that was set, and one that was not', async () => {
    await runJson(['config', 'set', 'region', 'jp'])
    expectJsonShape(
      'config-unset',
      await runJson(['config', 'unset', 'region']),
      await runJson(['config', 'unset', 'api-url']),
    )
  })

  it('config list: set, unset and secret settings of two profiles', async () => {
    await profileWithSecret()
    await runJson(['config', 'set', 'api-url', 'http://127.0.0.1:4780', '--profile', 'lab'])
    process.env.CTX_REGION = 'jp'
    expectJsonShape('config-list', await runJson(['config', 'list']))
  })
})
