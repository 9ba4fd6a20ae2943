import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {afterEach, describe, it} from 'mocha'
import nock from 'nock'

import {createHttpClient} from '../../../src/http/client.js'

const {version} = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

describe('http client User-Agent', () => {
  afterEach(() => nock.cleanAll())

  it('sends ctx/<version> (node/<v>; <os>) on every request', async () => {
    let seen: string | undefined
    nock('https://ua.test.example')
      .get('/x')
      .reply(function () {
        seen = this.req.headers['user-agent'] as string
        return [200, '{}']
      })
    await createHttpClient({maxRetries: 0}).get('https://ua.test.example/x')
    assert.equal(seen, `ctx/${version} (node/${process.versions.node}; ${process.platform})`)
  })
})
