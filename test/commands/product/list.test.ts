import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {startTestDnsServer} from '../../helpers/dns-server.js'
import {useTempConfig} from '../../helpers/env.js'
import nock from 'nock'

import {fakeCredentialsEnv, mockToken, testApi, useNock} from '../../helpers/nock.js'
import {parseCsv} from '../../helpers/csv-parse.js'
import {daysAgo, productWire} from '../../helpers/products.js'

const listPath = '/root/trust/v1/registeredproducts/acme'
const fresh = productWire({instanceID: 'fresh-id', hostname: 'ls-02.corp.example', lastContactTime: daysAgo(1)})
const stale = productWire({
  instanceID: 'stale-id',
  hostname: 'fas-01.corp.example',
  service: 'FederatedAuthenticationService',
  lastContactTime: daysAgo(90),
})

describe('ctx product list', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    Object.assign(process.env, fakeCredentialsEnv())
  })
  afterEach(() => temp.restore())
  useNock()

  it('prints a table of host name, product, version, registered, last contact and id', async () => {
    mockToken()
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, {items: [fresh, stale], continuationToken: null})
    const {stdout} = await runCommand(['product', 'list'])
    assert.match(stdout, /Host name .*Product .*Version .*Registered .*Last contact .*Id/)
    assert.match(stdout, /fas-01\.corp\.example .*Federated Authentication Service .*\(90 d ago\) .*stale-id/)
  })

  it('tells each retry on stderr before waiting, and keeps stdout for the data', async () => {
    mockToken()
      .get(listPath)
      .query({limit: '-1'})
      .reply(503, {detail: 'busy'})
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, {items: [fresh], continuationToken: null})
    const {stdout, stderr} = await runCommand(['product', 'list', '--json'])
    assert.match(stderr, /^503 from api\.test\.example, retrying in [\d.]+ s, 1 of 4$/m)
    assert.equal((JSON.parse(stdout) as {products: unknown[]}).products.length, 1)
  })

  it('follows every page', async () => {
    mockToken()
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, {items: [fresh], continuationToken: 'page-2'})
      .get(listPath)
      .query({limit: '-1', continuationToken: 'page-2'})
      .reply(200, {items: [stale], continuationToken: null})
    const {stdout} = await runCommand(['product', 'list', '--json'])
    assert.deepEqual(
      (JSON.parse(stdout) as {products: Array<{id: string}>}).products.map((p) => p.id),
      ['stale-id', 'fresh-id'],
    )
  })

  it('keeps only registrations silent for longer than --stale', async () => {
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh, stale]})
    const {stdout} = await runCommand(['product', 'list', '--stale', '30d', '--json'])
    assert.deepEqual(
      (JSON.parse(stdout) as {products: Array<{id: string}>}).products.map((p) => p.id),
      ['stale-id'],
    )
  })

  it('prints CSV with a header under --csv', async () => {
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh]})
    const {stdout} = await runCommand(['product', 'list', '--csv'])
    const lines = stdout.trim().split(/\r?\n/)
    assert.equal(lines[0], 'hostname,product,version,registeredAt,lastContactAt,id,service')
    assert.equal(lines.length, 2)
  })

  it('writes CSV as data: --json field names, ISO-8601 UTC times, and a header row when nothing matches', async () => {
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh]})
    const {stdout} = await runCommand(['product', 'list', '--csv'])
    const [header, record] = stdout.trim().split(/\r?\n/) as [string, string]
    const {products} = {
      products: [Object.fromEntries(header.split(',').map((key, index) => [key, record.split(',')[index]]))],
    }
    assert.match(products[0]!.lastContactAt!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
    assert.match(products[0]!.registeredAt!, /Z$/)
  })

  it('writes the CSV header row when nothing matches', async () => {
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh]})
    const empty = await runCommand(['product', 'list', '--csv', '--name', 'nothing-*'])
    assert.equal(empty.stdout.trim(), 'hostname,product,version,registeredAt,lastContactAt,id,service')
  })

  it('fits an 80-column terminal, saying what it hid, and --wide shows the whole table', async () => {
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh, stale]})
    process.env.COLUMNS = '80'
    try {
      const {stdout, stderr} = await runCommand(['product', 'list'])
      assert.ok(
        stdout
          .trim()
          .split('\n')
          .every((line) => line.length <= 80),
        stdout,
      )
      assert.match(stdout, /Host name .*Last contact/)
      assert.match(stderr, /Fitted to 80 columns \(.*Id hidden.*--wide/)
      nock(testApi)
        .get(listPath)
        .query(true)
        .reply(200, {items: [fresh, stale]})
      const wide = await runCommand(['product', 'list', '--wide'])
      assert.match(wide.stdout, /stale-id/)
    } finally {
      delete process.env.COLUMNS
    }
  })

  it('keeps one CSV record per registration when a host name holds line breaks and formulas', async () => {
    const hostile = ['ls-03\n=1+1', 'ls-04\r=1+1', 'ls-05\r\n@SUM(A1)'].map((hostname, index) =>
      productWire({instanceID: `hostile-${index}`, hostname}),
    )
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh, ...hostile]})
    const {stdout} = await runCommand(['product', 'list', '--csv'])
    const records = await parseCsv(stdout)
    assert.equal(records.length, 1 + 4)
    assert.deepEqual(
      records
        .slice(1)
        .map((record) => record[0])
        .sort(),
      ['ls-02.corp.example', "ls-03\n'=1+1", "ls-04\r'=1+1", "ls-05\r\n'@SUM(A1)"],
    )
  })

  it('says when nothing matches and names the command to try', async () => {
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh]})
    const {stdout, stderr} = await runCommand(['product', 'list', '--product', 'cvad'])
    assert.equal(stdout, '')
    assert.match(stderr, /No registered products match.*`ctx product list`/)
  })

  it('says when nothing is registered and names how to register', async () => {
    mockToken().get(listPath).query(true).reply(200, {items: []})
    const {stderr} = await runCommand(['product', 'list'])
    assert.match(stderr, /ctx register --code/)
  })

  it('exits 2 on a --stale that is not a duration, before any call', async () => {
    const {error, stderr} = await runCommand(['product', 'list', '--stale', 'old'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /--stale "old" is not a duration/)
  })

  it('exits 2 on an unknown --product', async () => {
    const {error} = await runCommand(['product', 'list', '--product', 'xenapp'])
    assert.equal(error?.oclif?.exit, 2)
  })

  it('lists with exit 0 and a warning when the token cannot be cached (a full or read-only data folder)', async () => {
    const blocked = join(temp.dir, 'a-file')
    writeFileSync(blocked, '')
    process.env.CTX_DATA_DIR = join(blocked, 'data')
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, {items: [fresh]})
    const {error, stdout, stderr} = await runCommand(['product', 'list'])
    assert.equal(error, undefined, stderr)
    assert.match(stdout, /ls-02\.corp\.example/)
    assert.match(
      stderr,
      /^Warning: The token cache .*tokens\.json cannot be written: .*The token is used for this run only\.$/m,
    )
  })

  it('reads the list sent as a bare array, or under Items', async () => {
    mockToken()
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, [fresh])
      .get(listPath)
      .query({limit: '-1'})
      .reply(200, {Items: [stale]})
    const bare = await runCommand(['product', 'list', '--json'])
    assert.deepEqual(
      (JSON.parse(bare.stdout) as {products: Array<{id: string}>}).products.map((p) => p.id),
      ['fresh-id'],
    )
    const items = await runCommand(['product', 'list', '--json'])
    assert.deepEqual(
      (JSON.parse(items.stdout) as {products: Array<{id: string}>}).products.map((p) => p.id),
      ['stale-id'],
    )
  })

  describe('registrations without a last contact', () => {
    const noContact = [fresh, stale].map(({lastContactTime: _none, ...wire}) => wire)

    it('shows the last contact as unknown, and null under --json', async () => {
      mockToken()
        .get(listPath)
        .query(true)
        .reply(200, {items: noContact})
        .get(listPath)
        .query(true)
        .reply(200, {items: noContact})
      const {stdout} = await runCommand(['product', 'list'])
      assert.match(stdout, /fas-01\.corp\.example .*│ unknown +│ stale-id/)
      const json = await runCommand(['product', 'list', '--json'])
      assert.deepEqual(
        (JSON.parse(json.stdout) as {products: Array<{lastContactAt: unknown}>}).products.map((p) => p.lastContactAt),
        [null, null],
      )
    })

    it('--stale exits 2 saying Citrix reports no last contact, and names the selectors that work without it', async () => {
      mockToken().get(listPath).query(true).reply(200, {items: noContact})
      const {error, stderr} = await runCommand(['product', 'list', '--stale', '30d'])
      assert.equal(error?.oclif?.exit, 2)
      assert.match(stderr, /Citrix reports no last contact for these product registrations/)
      assert.match(
        stderr,
        /--registered-before <date\|duration>, --name <glob>, --hosts-from <file\|-> .* --unresolvable/,
      )
    })

    it('--registered-before and --hosts-from select without it', async () => {
      const old = {...noContact[1]!, registrationTime: '2024-03-01T00:00:00Z'}
      mockToken()
        .get(listPath)
        .query(true)
        .reply(200, {items: [noContact[0], old]})
        .get(listPath)
        .query(true)
        .reply(200, {items: [noContact[0], old]})
      const before = await runCommand(['product', 'list', '--registered-before', '2025-06-30', '--json'])
      assert.deepEqual(
        (JSON.parse(before.stdout) as {products: Array<{id: string}>}).products.map((p) => p.id),
        ['stale-id'],
      )
      const file = join(temp.dir, 'hosts.txt')
      writeFileSync(file, 'ls-02\n')
      const listed = await runCommand(['product', 'list', '--hosts-from', file, '--json'])
      assert.deepEqual(
        (JSON.parse(listed.stdout) as {products: Array<{id: string}>}).products.map((p) => p.id),
        ['fresh-id'],
      )
    })

    it('--unresolvable asks the --dns-server and warns about the names it could not check', async () => {
      const dns = await startTestDnsServer({addresses: {'ls-02.corp.example': '10.0.0.2'}})
      try {
        mockToken().get(listPath).query(true).reply(200, {items: noContact})
        const {stdout, stderr} = await runCommand([
          'product',
          'list',
          '--unresolvable',
          '--dns-server',
          dns.address,
          '--json',
        ])
        assert.deepEqual(
          (JSON.parse(stdout) as {products: Array<{id: string}>}).products.map((p) => p.id),
          ['stale-id'],
          stderr,
        )
      } finally {
        await dns.close()
      }
    })

    it('exits 2 on --dns-server without --unresolvable', async () => {
      const {error} = await runCommand(['product', 'list', '--dns-server', '127.0.0.1'])
      assert.equal(error?.oclif?.exit, 2)
    })
  })
})
