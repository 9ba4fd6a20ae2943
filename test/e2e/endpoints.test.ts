import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

describe('e2e: ctx endpoints against the sandbox', () => {
  const suite = useSandboxSuite()

  it('lists every row and says that --api-url maps every host to the sandbox', async () => {
    const result = await runBin(['endpoints'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.match(
      result.stdout,
      /partnerCustomerDirectory .*partner\.citrixworkspacesapi\.net .*\/\{partnerId\}\/customers .*cws .*seen/,
    )
    assert.match(result.stderr, new RegExp(`every one of these hosts maps to ${suite.sandbox.url}`))
  })
})
