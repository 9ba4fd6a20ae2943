import assert from 'node:assert/strict'

import {describe, it} from 'mocha'
import nock from 'nock'

import {createHttpClient} from '../../../src/http/client.js'
import {useNock} from '../../helpers/nock.js'

const origin = 'https://api.test.example'

describe('http client: a 429 pauses the whole client', () => {
  useNock()

  it('holds back a concurrent request until the Retry-After of another one has passed', async () => {
    let rateLimitedAt = 0
    let secondArrivedAt = 0
    nock(origin)
      .get('/first')
      .reply(() => {
        rateLimitedAt = Date.now()
        return [429, {detail: 'Rate limit exceeded; try again in 1 seconds'}, {'retry-after': '1'}]
      })
      .get('/first')
      .reply(200, 'ok')
      .get('/second')
      .reply(() => {
        secondArrivedAt = Date.now()
        return [200, 'ok']
      })
    const http = createHttpClient({maxRetries: 2})
    const first = http.get(`${origin}/first`).text()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const second = http.get(`${origin}/second`).text()
    assert.deepEqual(await Promise.all([first, second]), ['ok', 'ok'])
    assert.ok(rateLimitedAt > 0)
    assert.ok(
      secondArrivedAt - rateLimitedAt >= 900,
      `second request came ${secondArrivedAt - rateLimitedAt} ms after the 429`,
    )
  })
})
