import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

describe('e2e: ctx resource-location list against the sandbox', () => {
  const suite = useSandboxSuite()

  it('lists the seeded resource locations as JSON over real HTTP', async () => {
    const result = await runBin(['resource-location', 'list', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {resourceLocations} = JSON.parse(result.stdout) as {resourceLocations: Array<{id: string; name: string}>}
    assert.equal(resourceLocations.length, 6)
    assert.ok(resourceLocations.some((l) => l.name === 'Headquarters'))
    const calls = suite.sandbox.log.all().map((r) => `${r.method} ${r.url}`)
    assert.deepEqual(calls, ['POST /cctrustoauth2/sandboxcustomer/tokens/clients', 'GET /resourcelocations'])
    assert.equal(suite.sandbox.log.all()[0]?.contentType, 'application/x-www-form-urlencoded')
  })

  it('exits 4 with a wrong secret, without printing it', async () => {
    const result = await runBin(['resource-location', 'list'], {
      env: {...suite.sandbox.env, CTX_CLIENT_SECRET: 'wrong-secret-123'},
    })
    assert.equal(result.code, 4)
    assert.match(result.stderr, /Invalid client id or client secret/)
    assert.doesNotMatch(result.stderr + result.stdout, /wrong-secret-123/)
  })

  it('retries a 429 from the sandbox and then succeeds', async () => {
    suite.sandbox.faults.set({retryAfterSeconds: 0, routes: [{path: '/resourcelocations', status: 429, count: 1}]})
    const result = await runBin(['resource-location', 'list', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    suite.sandbox.faults.set({routes: []})
  })

  it('exits 8 after the retries when the sandbox answers 503 every time', async () => {
    suite.sandbox.faults.set({retryAfterSeconds: 0, routes: [{path: '/resourcelocations', status: 503}]})
    const result = await runBin(['resource-location', 'list', '--max-retries', '2'], {
      env: {...suite.sandbox.env, CTX_RETRY_BASE_MS: '1'},
    })
    suite.sandbox.faults.set({routes: []})
    assert.equal(result.code, 8)
    assert.match(result.stderr, /503: Service unavailable \(transaction id [0-9a-f-]+\)/)
  })

  it('runs with --sandbox and no set-up at all, starting the sandbox in-process', async () => {
    const result = await runBin(['resource-location', 'list', '--sandbox', '--json'], {
      env: {CTX_CONFIG_DIR: suite.temp.dir},
    })
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {resourceLocations: unknown[]}).resourceLocations.length, 6)
  })
})
