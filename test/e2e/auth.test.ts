import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {sandboxCredentials} from '../../src/sandbox/constants.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

// The bin gets only a config folder: everything else comes from `auth login` and the saved profile.
describe('e2e: ctx auth against the sandbox', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let env: Record<string, string>
  const login = (secret: string, extra: string[] = []) =>
    runBin(
      [
        'auth',
        'login',
        '--customer-id',
        sandboxCredentials.customerId,
        '--client-id',
        sandboxCredentials.clientId,
        '--client-secret-stdin',
        '--api-url',
        sandbox.url,
        ...extra,
      ],
      {env, input: `${secret}\n`},
    )

  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox()
    env = {CTX_CONFIG_DIR: temp.dir}
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('exits 4 with a wrong secret read from stdin, saving nothing and never printing it', async () => {
    const result = await login('wrong-secret-123')
    assert.equal(result.code, 4)
    assert.doesNotMatch(result.stdout + result.stderr, /wrong-secret-123/)
    assert.equal((await runBin(['auth', 'status'], {env})).code, 3)
  })

  it('logs in with the secret on stdin and says where the secret went', async () => {
    const result = await login(sandboxCredentials.clientSecret)
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /The secret is kept in the config file/)
  })

  it('status then shows the saved profile and a valid token', async () => {
    const result = await runBin(['auth', 'status', '--json'], {env})
    assert.equal(result.code, 0, result.stderr)
    const status = JSON.parse(result.stdout) as {
      profile: string
      apiUrl: string
      secretSource: string
      tokenValidUntil: string
    }
    assert.deepEqual([status.profile, status.apiUrl, status.secretSource], ['default', sandbox.url, 'file'])
    assert.ok(Date.parse(status.tokenValidUntil) > Date.now())
  })

  it('never shows the secret in the --debug log of a later command', async () => {
    const result = await runBin(['resource-location', 'list', '--debug'], {env})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /GET http:\/\/127\.0\.0\.1:\d+\/resourcelocations/)
    assert.ok(
      !(result.stdout + result.stderr).includes(sandboxCredentials.clientSecret),
      'the secret is in the debug output',
    )
    assert.match(result.stderr, /\[redacted\]/)
  })

  it('logout forgets the secret, and status then exits 3', async () => {
    assert.equal((await runBin(['auth', 'logout'], {env})).code, 0)
    const status = await runBin(['auth', 'status'], {env})
    assert.equal(status.code, 3)
    assert.match(status.stderr, /missing client secret/)
  })

  it('exits 2 naming the flag, without waiting for a prompt, when there is no terminal', async () => {
    const result = await runBin(['auth', 'login', '--profile', 'fresh'], {env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Pass --customer-id/)
  })
})
