import assert from 'node:assert/strict'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {ConfigError, ExitCode} from '../../../src/errors.js'
import {createHttpClient} from '../../../src/http/client.js'
import {proxyFor} from '../../../src/http/proxy.js'
import {useTempConfig} from '../../helpers/env.js'

describe('proxy and CA bundle', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    for (const name of ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'https_proxy', 'http_proxy', 'no_proxy'])
      delete process.env[name]
  })
  afterEach(() => temp.restore()) // restores the proxy variables too

  it('sends an https API call through HTTPS_PROXY', () => {
    process.env.HTTPS_PROXY = 'http://proxy.corp:3128'
    assert.equal(proxyFor(new URL('https://api.cloud.com/resourcelocations')), 'http://proxy.corp:3128')
  })

  it('goes direct to a host NO_PROXY names', () => {
    process.env.HTTPS_PROXY = 'http://proxy.corp:3128'
    process.env.NO_PROXY = '.cloud.com,localhost'
    assert.equal(proxyFor(new URL('https://api-eu.cloud.com/')), undefined)
  })

  it('never proxies loopback, where the sandbox runs', () => {
    process.env.HTTP_PROXY = 'http://proxy.corp:3128'
    assert.equal(proxyFor(new URL('http://127.0.0.1:4780/')), undefined)
  })

  it('fails with exit 3 naming an unreadable --ca-bundle', () => {
    const path = join(temp.dir, 'missing.pem')
    assert.throws(
      () => createHttpClient({maxRetries: 0, caBundle: path}),
      (error: ConfigError) =>
        error.exitCode === ExitCode.config && error.message.includes(path) && /--ca-bundle/.test(error.hint ?? ''),
    )
  })
})
