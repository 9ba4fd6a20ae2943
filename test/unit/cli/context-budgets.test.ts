import assert from 'node:assert/strict'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'

import {after, before, describe, it} from 'mocha'

import {CommandContext} from '../../../src/cli/context.js'

// Citrix counts a customer's requests, not ctx's clients: a command that makes a second got
// instance (`ctx doctor`, one per CA bundle) must spend the same budget as its first.
describe('CommandContext request budgets', () => {
  let server: Server
  let url: string
  const arrivals: number[] = []

  before(async () => {
    server = createServer((_request, response) => {
      arrivals.push(Date.now())
      response.writeHead(200, {'content-type': 'application/json'}).end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })

  after(() => new Promise((resolve) => server.close(resolve)))

  it('paces the requests of two clients of one command as one budget', async () => {
    const context = new CommandContext({flags: {}, env: {}, warn: () => {}})
    const first = await context.newHttp({rateLimit: 2})
    const second = await context.newHttp({})
    const headers = {'citrix-customerid': 'acme'}
    await first.get(url, {headers})
    await second.get(url, {headers})
    // Pinned at 2 a second: the second client's request waits for the first's half second.
    assert.equal(arrivals.length, 2)
    assert.ok(arrivals[1]! - arrivals[0]! >= 450, `second request ${arrivals[1]! - arrivals[0]!} ms after the first`)
  })
})
