import assert from 'node:assert/strict'
import {join} from 'node:path'

import {describe, it} from 'mocha'

import {cacheDir, configDir, dataDir} from '../../../src/config/paths.js'

describe('config paths', () => {
  it('puts everything below CTX_CONFIG_DIR when it is set', () => {
    const env = {CTX_CONFIG_DIR: '/tmp/ctx-a'}
    assert.equal(configDir(env), '/tmp/ctx-a')
    assert.equal(dataDir(env), join('/tmp/ctx-a', 'data'))
    assert.equal(cacheDir(env), join('/tmp/ctx-a', 'cache'))
  })

  it('takes CTX_DATA_DIR and CTX_CACHE_DIR before CTX_CONFIG_DIR', () => {
    const env = {CTX_CONFIG_DIR: '/tmp/ctx-a', CTX_DATA_DIR: '/tmp/ctx-d', CTX_CACHE_DIR: '/tmp/ctx-c'}
    assert.equal(dataDir(env), '/tmp/ctx-d')
    assert.equal(cacheDir(env), '/tmp/ctx-c')
  })

  it("uses the platform's own folders otherwise, the cache apart from the config", () => {
    assert.notEqual(cacheDir({}), configDir({}))
    assert.match(cacheDir({}), /ctx/)
  })
})
