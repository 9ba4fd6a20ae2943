import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {TokenCache} from '../../../src/config/token-cache.js'
import {useTempConfig} from '../../helpers/env.js'

const parts = (profile: string) => ({profile, origin: 'https://api.cloud.com', customerId: 'c', clientId: 'i', clientSecret: 's'})

describe('TokenCache', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('drops the tokens of one profile and keeps the others', async () => {
    const cache = new TokenCache()
    const expiresAt = Date.now() + 3_600_000
    await cache.set(TokenCache.keyFor(parts('prod')), {accessToken: 'a', expiresAt})
    await cache.set(TokenCache.keyFor(parts('lab')), {accessToken: 'b', expiresAt})
    assert.equal(await cache.deleteProfile('prod'), 1)
    assert.equal(await cache.get(TokenCache.keyFor(parts('prod'))), undefined)
    assert.equal((await cache.get(TokenCache.keyFor(parts('lab'))))?.accessToken, 'b')
  })

  it('keys never contain the secret', () => {
    assert.doesNotMatch(TokenCache.keyFor({...parts('p'), clientSecret: 'very-secret'}), /very-secret/)
  })
})
