import assert from 'node:assert/strict'
import {createSocket} from 'node:dgram'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import nock from 'nock'

import {UsageError} from '../../../../src/errors.js'
import {listProducts} from '../../../../src/services/product/list.js'
import {startTestDnsServer, type TestDnsServer} from '../../../helpers/dns-server.js'
import {useTempConfig} from '../../../helpers/env.js'
import {fakeCustomerClient} from '../../../helpers/citrix.js'
import {mockToken, useNock} from '../../../helpers/nock.js'
import {daysAgo, productWire} from '../../../helpers/products.js'

const listPath = '/root/trust/v1/registeredproducts/acme'
const items = [
  productWire({instanceID: '1', hostname: 'ls-02.corp.example', lastContactTime: daysAgo(1)}),
  productWire({instanceID: '2', hostname: 'ls-01.corp.example', lastContactTime: daysAgo(90)}),
  productWire({
    instanceID: '3',
    hostname: 'fas-01.corp.example',
    service: 'FederatedAuthenticationService',
    lastContactTime: daysAgo(45),
  }),
]

describe('product list service', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => {
    temp = useTempConfig()
    mockToken().get(listPath).query(true).reply(200, {items, continuationToken: null})
  })
  afterEach(() => temp.restore())
  useNock()

  it('sorts by host name by default', async () => {
    const products = await listProducts(await fakeCustomerClient(), {})
    assert.deepEqual(
      products.map((p) => p.id),
      ['3', '2', '1'],
    )
  })

  it('sorts by last contact, oldest first', async () => {
    const products = await listProducts(await fakeCustomerClient(), {sort: 'last-contact'})
    assert.deepEqual(
      products.map((p) => p.id),
      ['2', '3', '1'],
    )
  })

  it('keeps only stale registrations with --stale', async () => {
    const products = await listProducts(await fakeCustomerClient(), {stale: '30d'})
    assert.deepEqual(products.map((p) => p.id).sort(), ['2', '3'])
  })

  it('filters by product', async () => {
    const byProduct = await listProducts(await fakeCustomerClient(), {product: 'fas'})
    assert.deepEqual(
      byProduct.map((p) => p.id),
      ['3'],
    )
  })

  it('filters by a host name glob', async () => {
    const byName = await listProducts(await fakeCustomerClient(), {name: 'LS-0*'})
    assert.deepEqual(
      byName.map((p) => p.id),
      ['2', '1'],
    )
  })

  it('refuses a bad --stale before any call is made', async () => {
    await assert.rejects(listProducts(await fakeCustomerClient(), {stale: 'lately'}), UsageError)
    assert.equal(nock.pendingMocks().length, 2, 'neither the token nor the list was asked for')
    nock.cleanAll()
  })
})

describe('product list service: registrations without a last contact, and the selectors that work without it', () => {
  let temp: ReturnType<typeof useTempConfig>
  let dnsServer: TestDnsServer | undefined
  const noContact = (fields: Parameters<typeof productWire>[0], registrationTime: string) => {
    const {lastContactTime: _none, ...wire} = productWire(fields)
    return {...wire, registrationTime}
  }
  const bare = [
    noContact({instanceID: 'old', hostname: 'ls-01.corp.example'}, daysAgo(400)),
    noContact({instanceID: 'new', hostname: 'ls-02.corp.example'}, daysAgo(10)),
    noContact(
      {instanceID: 'fas', hostname: 'fas-01.corp.example', service: 'FederatedAuthenticationService'},
      daysAgo(200),
    ),
  ]
  beforeEach(() => {
    temp = useTempConfig()
    mockToken().get(listPath).query({limit: '-1'}).reply(200, bare)
  })
  afterEach(async () => {
    temp.restore()
    await dnsServer?.close()
    dnsServer = undefined
  })
  useNock()

  it('--stale says Citrix reports no last contact, and names the selectors that work without it (exit 2)', async () => {
    await assert.rejects(listProducts(await fakeCustomerClient(), {stale: '30d'}), (error: UsageError) => {
      assert.equal(error.exitCode, 2)
      assert.match(error.message, /Citrix reports no last contact/)
      for (const flag of ['--registered-before', '--name', '--hosts-from', '--unresolvable'])
        assert.ok(error.hint?.includes(flag), flag)
      return true
    })
  })

  it('--stale warns and leaves out the registrations without a last contact when only some lack one', async () => {
    nock.cleanAll()
    mockToken()
      .get(listPath)
      .query(true)
      .reply(200, [...bare, productWire({instanceID: 'stale', lastContactTime: daysAgo(90)})])
    const warnings: string[] = []
    const products = await listProducts(await fakeCustomerClient(), {stale: '30d', warn: (m) => warnings.push(m)})
    assert.deepEqual(
      products.map((p) => p.id),
      ['stale'],
    )
    assert.match(warnings.join('\n'), /no last contact for 3 of 4 registrations.*--registered-before/)
  })

  it('--registered-before selects by registration time', async () => {
    const products = await listProducts(await fakeCustomerClient(), {registeredBefore: '180d'})
    assert.deepEqual(
      products.map((p) => p.id),
      ['fas', 'old'],
    )
  })

  it('--hosts-from selects the host names of a decommission list file', async () => {
    const file = join(temp.dir, 'decommissioned.txt')
    writeFileSync(file, '# retired\nls-01.corp.example\nFAS-01\n')
    const products = await listProducts(await fakeCustomerClient(), {hostsFrom: file})
    assert.deepEqual(
      products.map((p) => p.id),
      ['fas', 'old'],
    )
  })

  it('--hosts-from names a missing file as a usage error before Citrix is called', async () => {
    await assert.rejects(listProducts(await fakeCustomerClient(), {hostsFrom: join(temp.dir, 'nope.txt')}), {
      exitCode: 2,
      message: /there is no file/,
    })
    assert.equal(nock.pendingMocks().length, 2)
    nock.cleanAll()
  })

  it('--unresolvable selects the names a DNS server answers NXDOMAIN for, and leaves out (with a warning) those it fails on', async () => {
    dnsServer = await startTestDnsServer({
      addresses: {'ls-02.corp.example': '10.0.0.2'},
      failing: ['fas-01.corp.example'],
    })
    const warnings: string[] = []
    const products = await listProducts(await fakeCustomerClient(), {
      unresolvable: true,
      dnsServer: dnsServer.address,
      warn: (m) => warnings.push(m),
    })
    assert.deepEqual(
      products.map((p) => p.id),
      ['old'],
    )
    assert.match(warnings.join('\n'), /DNS could not check 1 host name.*fas-01\.corp\.example \(ESERVFAIL\)/)
  })

  it('--unresolvable asks DNS only about what the other selectors leave', async () => {
    dnsServer = await startTestDnsServer({})
    const products = await listProducts(await fakeCustomerClient(), {
      unresolvable: true,
      dnsServer: dnsServer.address,
      name: 'ls-*',
      registeredBefore: '100d',
    })
    assert.deepEqual(
      products.map((p) => p.id),
      ['old'],
    )
    assert.deepEqual([...new Set(dnsServer.queries)], ['ls-01.corp.example'])
  })

  it('--unresolvable treats a DNS server that does not answer as a failure, never as unresolvable', async () => {
    const silent = createSocket('udp4')
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve))
    try {
      const warnings: string[] = []
      const address = `127.0.0.1:${silent.address().port}`
      const products = await listProducts(await fakeCustomerClient(), {
        unresolvable: true,
        dnsServer: address,
        dnsTimeoutMs: 200,
        warn: (m) => warnings.push(m),
      })
      assert.deepEqual(products, [])
      assert.match(warnings.join('\n'), /DNS could not check 3 host names/)
    } finally {
      silent.close()
    }
  })

  it('refuses a --dns-server that is not an address before Citrix is called', async () => {
    await assert.rejects(
      listProducts(await fakeCustomerClient(), {unresolvable: true, dnsServer: 'dns.corp.example'}),
      {exitCode: 2, message: /--dns-server/},
    )
    nock.cleanAll()
  })
})
