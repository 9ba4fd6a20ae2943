import assert from 'node:assert/strict'

import {describe, it} from 'mocha'
import nock from 'nock'

import {createHttpClient, retryLine, type RetryNotice} from '../../../src/http/client.js'
import {useNock} from '../../helpers/nock.js'

const origin = 'https://api.test.example'

describe('http client: each retry is told before its wait', () => {
  useNock()

  it('calls onRetry with the status, the wait and the try, before the wait begins', async () => {
    const notices: Array<RetryNotice & {at: number}> = []
    let retriedAt = 0
    nock(origin)
      .get('/busy')
      .reply(503, {detail: 'busy'}, {'retry-after': '1'})
      .get('/busy')
      .reply(() => {
        retriedAt = Date.now()
        return [200, 'ok']
      })
    const http = createHttpClient({maxRetries: 3, onRetry: (notice) => notices.push({...notice, at: Date.now()})})
    assert.equal(await http.get(`${origin}/busy`).text(), 'ok')
    assert.equal(notices.length, 1)
    const [notice] = notices
    assert.equal(notice!.reason, '503')
    assert.equal(notice!.attempt, 1)
    assert.equal(notice!.limit, 3)
    assert.ok(notice!.delayMs >= 1000, `waits the Retry-After: ${notice!.delayMs}`)
    assert.ok(retriedAt - notice!.at >= 900, 'told before the wait, not after it')
  })

  it('says nothing when the call is not retried', async () => {
    const notices: RetryNotice[] = []
    nock(origin).post('/once').reply(500, {detail: 'no'})
    const http = createHttpClient({maxRetries: 3, onRetry: (notice) => notices.push(notice)})
    await assert.rejects(http.post(`${origin}/once`).text())
    assert.deepEqual(notices, [])
  })

  it('reads as "503 from host, retrying in 4 s, 2 of 4"', () => {
    assert.equal(
      retryLine({reason: '503', delayMs: 4200, attempt: 2, limit: 4, url: `${origin}/x`}),
      '503 from api.test.example, retrying in 4 s, 2 of 4',
    )
    assert.equal(
      retryLine({reason: 'ECONNRESET', delayMs: 250, attempt: 1, limit: 4, url: `${origin}/x`}),
      'ECONNRESET from api.test.example, retrying in 0.3 s, 1 of 4',
    )
  })
})
