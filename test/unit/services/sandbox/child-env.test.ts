import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {sandboxChildEnv} from '../../../../src/services/sandbox/start.js'

describe('the detached sandbox environment', () => {
  it('leaves out the caller’s client secret and appliance password (issue 15, item 20)', () => {
    const env = sandboxChildEnv({
      PATH: '/bin',
      CTX_CLIENT_SECRET: 's1',
      CITRIX_CLIENT_SECRET: 's2',
      CTX_APPLIANCE_PASSWORD: 'p1',
      CTX_CONFIG_DIR: '/tmp/x',
    })
    assert.deepEqual(env, {PATH: '/bin', CTX_CONFIG_DIR: '/tmp/x', NO_COLOR: '1'})
  })
})
