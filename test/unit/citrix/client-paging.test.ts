import assert from 'node:assert/strict'
import {spawn, type ChildProcess} from 'node:child_process'
import {createInterface} from 'node:readline'

import {after, afterEach, before, beforeEach, describe, it} from 'mocha'
import nock from 'nock'

import {endpoints} from '../../../src/citrix/endpoints.js'
import {clientFor} from '../../helpers/citrix.js'
import {useTempConfig} from '../../helpers/env.js'
import {fakeCredentialsEnv} from '../../helpers/nock.js'

// A server of three pages in a process of its own: one in this process could not see a request arrive
// while the caller below keeps the event loop busy. It logs when each page was asked for (Date.now(),
// one clock for both processes) and hands the log out at /arrivals.
const serverSource = `
const http = require('node:http')
const arrivals = []
const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://test')
  response.setHeader('content-type', 'application/json')
  if (request.method === 'POST') return response.end(JSON.stringify({token_type: 'bearer', access_token: 'token-abc', expires_in: '3600'}))
  if (url.pathname === '/arrivals') return response.end(JSON.stringify(arrivals))
  const token = url.searchParams.get('continuationToken')
  arrivals.push({token, at: Date.now()})
  const page = token === null ? 1 : Number(token)
  response.end(JSON.stringify({items: [{userId: 'user-' + page}], continuationToken: page < 3 ? String(page + 1) : null}))
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
`

/** Blocks the event loop, as encoding a page of 1,000 rows does. */
function busyFor(ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until);
}

describe('CitrixClient.pages against a server in another process', () => {
  let temp: ReturnType<typeof useTempConfig>
  let server: ChildProcess
  let url: string

  before(async () => {
    // nock, once imported by any test, stands in for every HTTP request and never reuses a connection;
    // got's keep-alive agent is what sends the next request within one turn of the event loop.
    nock.restore()
    server = spawn(process.execPath, ['-e', serverSource], {stdio: ['ignore', 'pipe', 'inherit']})
    const [port] = (await createInterface({input: server.stdout!})[Symbol.asyncIterator]().next()).value.split('\n')
    url = `http://127.0.0.1:${port}`
  })
  after(() => {
    server.kill()
    nock.activate()
  })
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it("sends the next page's request before the caller works on this page", async () => {
    const client = await clientFor({...fakeCredentialsEnv(), CTX_API_URL: url}, 0)
    const seen: string[] = []
    const workStarted: number[] = []
    const workEnded: number[] = []
    for await (const page of client.pages<{userId: string}>(endpoints.licenseUsers, {
      params: {product: 'cvad'},
      limit: 1000,
    })) {
      seen.push(...page.map((item) => item.userId))
      workStarted.push(Date.now())
      busyFor(60)
      workEnded.push(Date.now())
    }
    assert.deepEqual(seen, ['user-1', 'user-2', 'user-3'])
    const arrivals = (await (await fetch(`${url}/arrivals`)).json()) as Array<{token: string | null; at: number}>
    assert.deepEqual(
      arrivals.map((arrival) => arrival.token),
      [null, '2', '3'],
    )
    // Page 2 reached the server while the caller still worked on page 1, page 3 while it worked on page 2.
    for (const page of [1, 2]) {
      const asked = arrivals[page]!.at
      assert.ok(
        asked < workEnded[page - 1]! - 20,
        `page ${page + 1} asked for ${asked - workStarted[page - 1]!} ms into the 60 ms of work`,
      )
    }
  })
})
