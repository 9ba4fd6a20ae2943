import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, before, describe, it} from 'mocha'

import {startForwardProxy, type ForwardProxy} from '../helpers/forward-proxy.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

interface DoctorResult {
  ok: boolean
  checks: Array<{name: string; status: string; message: string}>
}

describe('e2e: ctx doctor, proxy and CA bundle', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  let proxy: ForwardProxy
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox()
    proxy = await startForwardProxy()
  })
  after(async () => {
    await proxy.close()
    await sandbox.stop()
    temp.restore()
  })

  it('passes every check against the sandbox and exits 0', async () => {
    const result = await runBin(['doctor', '--json'], {env: sandbox.env})
    assert.equal(result.code, 0, result.stdout + result.stderr)
    const {ok, checks} = JSON.parse(result.stdout) as DoctorResult
    assert.equal(ok, true)
    // Seven checks, and one line per Citrix host, each mapped to the sandbox's one origin.
    assert.ok(checks.every((c) => c.status === 'pass'))
    assert.deepEqual(
      checks.filter((c) => c.name.startsWith('Host ')).map((c) => c.name),
      [
        'Host cloudlicense.citrixworkspacesapi.net',
        'Host licensing.citrixworkspacesapi.net',
        'Host partner.citrixworkspacesapi.net',
        'Host trust.citrixnetworkapi.net',
        'Host trust.citrixworkspacesapi.net',
      ],
    )
  })

  it('exits 4 when the token check fails with a wrong secret', async () => {
    const result = await runBin(['doctor'], {env: {...sandbox.env, CTX_CLIENT_SECRET: 'wrong-secret-123'}})
    assert.equal(result.code, 4)
    assert.match(result.stdout, /Token\s+│\s+fail/)
    assert.doesNotMatch(result.stdout + result.stderr, /wrong-secret-123/)
  })

  it('sends the calls of an http:// api-url through HTTP_PROXY', async () => {
    const apiUrl = `http://citrix-api.proxy-test.invalid:${sandbox.port}`
    const result = await runBin(['resource-location', 'list', '--json'], {
      env: {...sandbox.env, CTX_API_URL: apiUrl, HTTP_PROXY: proxy.url, NO_PROXY: '', no_proxy: ''},
    })
    assert.equal(result.code, 0, result.stdout + result.stderr)
    assert.ok(proxy.seen.includes(`citrix-api.proxy-test.invalid:${sandbox.port}`), proxy.seen.join(', '))
  })

  it('doctor names the proxy it goes through', async () => {
    const apiUrl = `http://citrix-api.proxy-test.invalid:${sandbox.port}`
    const result = await runBin(['doctor', '--json'], {
      env: {...sandbox.env, CTX_API_URL: apiUrl, HTTP_PROXY: proxy.url, NO_PROXY: '', no_proxy: ''},
    })
    const {checks} = JSON.parse(result.stdout) as DoctorResult
    assert.equal(
      checks.find((c) => c.name === 'Proxy')?.message,
      `citrix-api.proxy-test.invalid:${sandbox.port} through ${proxy.url}/`,
    )
    assert.equal(result.code, 0, result.stdout)
  })

  it('exits 3 with a clear message on an unreadable --ca-bundle', async () => {
    const path = join(temp.dir, 'no-such-ca.pem')
    const result = await runBin(['resource-location', 'list', '--ca-bundle', path], {env: sandbox.env})
    assert.equal(result.code, 3)
    assert.match(
      result.stderr,
      new RegExp(`The CA bundle ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} cannot be read`),
    )
    assert.doesNotMatch(result.stderr, /\n\s+at /)
  })
})

describe('e2e: the built bin', () => {
  let temp: ReturnType<typeof useTempConfig>
  before(() => (temp = useTempConfig()))
  after(() => temp.restore())

  it('prints the root help with the exit-code table', async () => {
    const result = await runBin(['--help'])
    assert.equal(result.code, 0)
    assert.match(result.stdout, /EXIT CODES[\s\S]*130 {2}interrupted/)
  })

  it('prints its version', async () => {
    const result = await runBin(['--version'])
    assert.equal(result.code, 0)
    assert.match(result.stdout, /^ctx\/\d+\.\d+\.\d+/)
  })
})
