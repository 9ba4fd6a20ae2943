import assert from 'node:assert/strict'
import {after, afterEach, before, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {startHostileServer, type HostileOptions, type HostileServer} from '../helpers/hostile-server.js'
import {runBin, type BinResult} from '../helpers/run-bin.js'

// Issue 15, items 1 and 2: a fake Citrix API that redirects must never get ctx to hand the client
// secret or the bearer token to another origin; every such redirect ends in exit 8.

const secret = 'hostile-e2e-secret-7f3a'

describe('e2e: a hostile server that redirects', () => {
  let temp: ReturnType<typeof useTempConfig>
  let server: HostileServer | undefined
  before(() => (temp = useTempConfig()))
  afterEach(async () => {
    await server?.close()
    server = undefined
  })
  after(() => temp.restore())

  async function run(options: HostileOptions, args = ['resource-location', 'list']): Promise<BinResult> {
    server = await startHostileServer(options)
    const env = {
      CTX_CONFIG_DIR: temp.dir,
      CTX_API_URL: server.url,
      CTX_CUSTOMER_ID: 'acme',
      CTX_CLIENT_ID: 'client-1',
      CTX_CLIENT_SECRET: secret,
    }
    return runBin(args, {env})
  }

  /** Exit 8 with one error line that names the host, and the secret printed nowhere. */
  function assertRefused(result: BinResult, host: string): void {
    assert.equal(result.code, 8, result.stdout + result.stderr)
    const errorLines = result.stderr.split('\n').filter((line) => line.startsWith('Error:'))
    assert.equal(errorLines.length, 1, result.stderr)
    assert.ok(errorLines[0]!.includes(host), `the error should name ${host}: ${errorLines[0]}`)
    assert.ok(!(result.stdout + result.stderr).includes(secret), 'the secret was printed')
  }

  function assertAttackerGotNothing(): void {
    const reached = server!.requestsTo('attacker')
    assert.deepEqual(
      reached.map((request) => `${request.method} ${request.url}`),
      [],
      'a request reached the attacker origin',
    )
    assert.ok(
      !reached.some((request) => request.body.includes(secret) || request.headers.authorization),
      'the attacker got a credential',
    )
  }

  for (const redirectStatus of [302, 307]) {
    it(`exits 8 naming the host when the token endpoint answers ${redirectStatus}, and the secret never reaches the redirect target`, async () => {
      const result = await run({mode: 'token-redirect', redirectStatus})
      assertRefused(result, new URL(server!.url).host)
      assertAttackerGotNothing()
      assert.ok(
        server!.requestsTo('api')[0]!.body.includes('client_secret='),
        'the token request should have gone to the API origin',
      )
    })
  }

  it('auth login exits 8 on a token redirect, saving nothing and sending the secret nowhere else', async () => {
    const result = await run({mode: 'token-redirect', redirectStatus: 307}, ['auth', 'login', '--profile', 'hostile'])
    assertRefused(result, new URL(server!.url).host)
    assertAttackerGotNothing()
    const status = await runBin(['auth', 'status', '--profile', 'hostile'], {env: {CTX_CONFIG_DIR: temp.dir}})
    assert.equal(status.code, 3, status.stdout + status.stderr)
  })

  it('exits 8 when an API call is redirected (307) to another origin, which gets no request and no token', async () => {
    const result = await run({mode: 'api-redirect', redirectStatus: 307})
    assertRefused(result, new URL(server!.attackerUrl).host)
    assertAttackerGotNothing()
  })

  it('exits 8 on a 302 from an API call, and --debug shows neither the secret nor the token', async () => {
    const result = await run({mode: 'api-redirect', redirectStatus: 302}, ['resource-location', 'list', '--debug'])
    assertRefused(result, new URL(server!.attackerUrl).host)
    assert.ok(!(result.stdout + result.stderr).includes('hostile-api-token'), 'the token was printed')
    assertAttackerGotNothing()
  })

  it('exits 8 on a redirect loop instead of taking the empty 307 for an empty list', async () => {
    const result = await run({mode: 'api-redirect-loop'})
    assertRefused(result, new URL(server!.url).host)
    assert.equal(result.stdout, '')
    assert.equal(server!.requestsTo('api').filter((request) => request.url.startsWith('/resourcelocations')).length, 1)
  })
})
