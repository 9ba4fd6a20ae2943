import assert from 'node:assert/strict'
import {existsSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, afterEach, before, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {
  captivePortalPage,
  hostileToken,
  startHostileServer,
  type HostileMode,
  type HostileServer,
} from '../helpers/hostile-server.js'
import {runBin, type BinResult} from '../helpers/run-bin.js'

// Issue 15, items 6 to 10 and 17: a fake Citrix API that sends escape sequences, pages for ever,
// stalls, sends a huge or non-JSON body, echoes secrets back or rate-limits a release. Each ends in a
// clean line and the documented exit code, fast, with nothing forged on the terminal.

const secret = 'hostile-e2e-secret-9c1d'
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/

describe('e2e: a hostile server', function () {
  this.timeout(30_000)
  let temp: ReturnType<typeof useTempConfig>
  let server: HostileServer | undefined
  before(() => (temp = useTempConfig()))
  afterEach(async () => {
    await server?.close()
    server = undefined
  })
  after(() => temp.restore())

  async function run(mode: HostileMode, args: string[], env: Record<string, string> = {}): Promise<BinResult> {
    server = await startHostileServer({mode})
    return runBin(args, {
      env: {
        CTX_CONFIG_DIR: temp.dir,
        CTX_API_URL: server.url,
        CTX_CUSTOMER_ID: 'acme',
        CTX_CLIENT_ID: 'client-1',
        CTX_CLIENT_SECRET: secret,
        CTX_RETRY_BASE_MS: '1',
        ...env,
      },
    })
  }

  function errorLine(result: BinResult): string {
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('Error:'))
    assert.equal(lines.length, 1, result.stderr)
    return lines[0]!
  }

  describe('escape sequences (item 6)', () => {
    it('strips them from a table of names the server sent', async () => {
      const result = await run('escape-sequences', ['resource-location', 'list'])
      assert.equal(result.code, 0, result.stderr)
      assert.ok(!controlCharacters.test(result.stdout), JSON.stringify(result.stdout))
      assert.match(result.stdout, /evil/)
      assert.match(result.stdout, /OVERWRITTEN/)
      assert.ok(!result.stdout.includes(']0;pwned-title'), 'the OSC sequence was left half')
    })

    it("strips them from Citrix's detail in an error", async () => {
      const result = await run('escape-sequences', ['product', 'list'])
      assert.equal(result.code, 2, result.stderr)
      assert.ok(!controlCharacters.test(result.stderr.replace(/\n/g, '')), JSON.stringify(result.stderr))
      assert.match(errorLine(result), /Bad request evil/)
    })

    it('keeps them escaped in --json', async () => {
      const result = await run('escape-sequences', ['resource-location', 'list', '--json'])
      assert.equal(result.code, 0, result.stderr)
      const names = JSON.parse(result.stdout) as {resourceLocations?: Array<{name: string}>} | Array<{name: string}>
      assert.ok(JSON.stringify(names).includes('\\u001b]0;pwned-title'), result.stdout)
    })
  })

  describe('paging (item 7)', () => {
    it('ends a list that hands out new tokens for ever: exit 8 after a few requests', async () => {
      const result = await run('endless-paging', ['product', 'list'])
      assert.equal(result.code, 8, result.stderr)
      assert.match(errorLine(result), /kept paging/)
      assert.ok(server!.requestsTo('api').length <= 12, `${server!.requestsTo('api').length} requests`)
    })

    it('ends an export at a repeated token: exit 8 and no file, partial or whole', async () => {
      const out = join(temp.dir, 'users.csv')
      const result = await run('repeated-token', ['license', 'export', 'users', '--format', 'csv', '--out', out])
      assert.equal(result.code, 8, result.stderr)
      assert.match(errorLine(result), /continuationToken it had handed out before/)
      assert.ok(!existsSync(out), 'the export was written')
      assert.deepEqual(
        readdirSync(temp.dir).filter((name) => name.startsWith('users.csv')),
        [],
      )
      assert.ok(
        server!.requestsTo('api').length <= 4,
        server!
          .requestsTo('api')
          .map((request) => request.url)
          .join(' '),
      )
    })
  })

  it('ends a request whose body stalls: exit 8 within the request timeout (item 8)', async () => {
    const started = Date.now()
    const result = await run('stall-mid-body', ['resource-location', 'list', '--max-retries', '0'], {
      CTX_REQUEST_TIMEOUT_MS: '500',
    })
    assert.equal(result.code, 8, result.stderr)
    assert.match(errorLine(result), /stopped answering/)
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`)
  })

  describe('bodies (item 9)', () => {
    it('stops reading a huge body: exit 8 naming the limit', async () => {
      const result = await run('huge-body', ['resource-location', 'list', '--max-retries', '0'])
      assert.equal(result.code, 8, result.stderr)
      assert.match(errorLine(result), /GET .*\/resourcelocations was answered with a body larger than 8 MB/)
    })

    it('reports an HTML page with status 200 as exit 8 naming the call, the content type and its start', async () => {
      const result = await run('html-200', ['resource-location', 'list'])
      assert.equal(result.code, 8, result.stderr)
      const line = errorLine(result)
      assert.match(
        line,
        /GET .*\/resourcelocations was answered with a body that is not JSON \(content type text\/html; charset=utf-8\)/,
      )
      assert.ok(line.includes(captivePortalPage.slice(0, 40)), line)
    })

    it('reports a field of the wrong type as exit 8 naming the call and the field', async () => {
      const list = await run('wrong-types', ['resource-location', 'list'])
      assert.equal(list.code, 8, list.stderr)
      assert.match(errorLine(list), /GET \/resourcelocations was answered with a field "items" of the wrong type/)
      await server!.close()
      const paged = await run('wrong-types', ['product', 'list'])
      assert.equal(paged.code, 8, paged.stderr)
      assert.match(errorLine(paged), /field "continuationToken" of the wrong type/)
    })
  })

  describe('echoed secrets (item 10)', () => {
    for (const flags of [[], ['--json'], ['--debug']]) {
      it(`never prints the client secret the token endpoint echoes back ${flags.join(' ') || '(plain)'}`, async () => {
        const result = await run('echo-secret', ['resource-location', 'list', ...flags])
        assert.equal(result.code, 4, result.stderr)
        assert.ok(server!.requestsTo('api')[0]!.body.includes(secret), 'the secret should have been sent')
        assert.ok(!(result.stdout + result.stderr).includes(secret), result.stdout + result.stderr)
        assert.match(result.stdout + result.stderr, /\[redacted\]/)
      })
    }

    it('never prints the token an API error echoes back, under --json or --debug', async () => {
      const result = await run('echo-token', ['resource-location', 'list', '--json', '--debug'])
      assert.equal(result.code, 2, result.stderr)
      assert.ok(!(result.stdout + result.stderr).includes(hostileToken), result.stdout + result.stderr)
    })
  })

  it('license release retries a 429, counts a failed batch, reports everything and exits 10 (item 17)', async () => {
    const ids = Array.from({length: 250}, (_, i) => `user-${i}`)
    const result = await run('rate-limit-release', [
      'license',
      'release',
      '--yes',
      ...ids.flatMap((id) => ['--id', id]),
    ])
    assert.equal(result.code, 10, result.stderr)
    assert.match(result.stderr, /Released 150, failed 100\./)
    assert.match(result.stderr, /user-100: batch 2 of 3 was not released: Citrix Cloud answered 503/)
    assert.equal(server!.requestsTo('api').filter((request) => request.url.endsWith('/release')).length, 4)
  })

  it('refuses a --ca-bundle that holds no certificate with exit 3, before any request (item 20)', async () => {
    const bundle = join(temp.dir, 'garbage.pem')
    writeFileSync(bundle, 'this is not PEM\n')
    const result = await run('html-200', ['resource-location', 'list', '--ca-bundle', bundle])
    assert.equal(result.code, 3, result.stderr)
    assert.match(errorLine(result), /is not usable: it holds no PEM certificate/)
    assert.deepEqual(server!.requests, [])
  })

  it('refuses a nested extglob in --name with exit 2 at once (item 18)', async () => {
    const started = Date.now()
    const result = await run('html-200', ['product', 'remove', '--name', '*(*(a*)*)!', '--dry-run'])
    assert.equal(result.code, 2, result.stderr)
    assert.match(errorLine(result), /not a plain glob/)
    assert.ok(Date.now() - started < 10_000)
  })
})
