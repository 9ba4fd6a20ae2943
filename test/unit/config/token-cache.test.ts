import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {TokenCache} from '../../../src/config/token-cache.js'
import {useTempConfig} from '../../helpers/env.js'

const parts = (profile: string) => ({
  profile,
  origin: 'https://api.cloud.com',
  customerId: 'c',
  clientId: 'i',
  clientSecret: 's',
})

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

  it('warns, rather than failing, when a token cannot be saved (a full or read-only data folder)', async () => {
    const blocked = join(temp.dir, 'a-file')
    writeFileSync(blocked, '')
    const warnings: string[] = []
    const cache = new TokenCache(join(blocked, 'tokens.json'), {warn: (message) => warnings.push(message)})
    await cache.set(TokenCache.keyFor(parts('prod')), {accessToken: 'a', expiresAt: Date.now() + 3_600_000})
    assert.equal(warnings.length, 1)
    assert.match(
      warnings[0]!,
      /^The token cache .*a-file\/tokens\.json cannot be written: .*\(EEXIST\)\. The token is used for this run only\.$/,
    )
  })
})
