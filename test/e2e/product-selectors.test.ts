import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {startDataSandbox} from '../helpers/data-sandbox.js'
import {startTestDnsServer} from '../helpers/dns-server.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

// The registrations list as Citrix may send it (citrix-api.md section 3), served by the sandbox: under
// `Items` or as a bare array, and without `lastContactTime`, with the selectors that work then.

const small = {users: 0, devices: 0, customers: 0, appliances: 0, products: 12}
const ids = (stdout: string) => (JSON.parse(stdout) as {products: Array<{id: string}>}).products.map((p) => p.id).sort()

describe('e2e: the registrations list under Items and as a bare array', () => {
  for (const productsEnvelope of ['Items', 'bare'] as const) {
    describe(productsEnvelope, () => {
      const suite = useSandboxSuite({start: () => startDataSandbox({settings: {sizes: small, productsEnvelope}})})

      it('lists every registration, asking with limit=-1 exactly', async () => {
        const result = await runBin(['product', 'list', '--json'], {env: suite.sandbox.env})
        assert.equal(result.code, 0, result.stderr)
        const {registeredProducts} = await suite.sandbox.store.read()
        assert.deepEqual(ids(result.stdout), registeredProducts.map((p) => p.instanceID).sort())
        const lists = suite.sandbox.log.all().filter((r) => r.url.startsWith('/root/trust/v1/registeredproducts/'))
        assert.ok(
          lists.length > 0 && lists.every((r) => r.url.endsWith('?limit=-1')),
          lists.map((r) => r.url).join(' '),
        )
      })
    })
  }
})

describe('e2e: registrations without a last contact, and the selectors that work without it', () => {
  const suite = useSandboxSuite({
    each: true,
    start: () => startDataSandbox({settings: {sizes: small, productsLastContact: false}}),
  })
  const hostnames = async () =>
    new Map(
      (await suite.sandbox.store.read()).registeredProducts.map((p) => [
        p.instanceID,
        p.deviceInfo.properties.find((q) => q.property === 'hostname')!.value,
      ]),
    )

  it('--stale exits 2 saying Citrix reports no last contact, and names the other selectors', async () => {
    const result = await runBin(['product', 'list', '--stale', '30d'], {env: suite.sandbox.env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Citrix reports no last contact/)
    assert.match(result.stderr, /--registered-before.*--name.*--hosts-from.*--unresolvable/)
  })

  it('shows the last contact as unknown', async () => {
    const result = await runBin(['product', 'list', '--csv'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    // CSV is data: no last contact is an empty field (null under --json); the table says unknown.
    assert.ok(
      result.stdout
        .trim()
        .split('\n')
        .slice(1)
        .every((line) => line.split(',')[4] === ''),
    )
    const table = await runBin(['product', 'list'], {env: suite.sandbox.env})
    assert.match(table.stdout, /│ unknown /)
  })

  it('product remove --registered-before removes exactly those registered earlier', async () => {
    const {registeredProducts} = await suite.sandbox.store.read()
    const times = registeredProducts.map((p) => Date.parse(p.registrationTime)).sort((a, b) => a - b)
    const cutoff = new Date(times[Math.floor(times.length / 2)]!).toISOString()
    const expected = registeredProducts
      .filter((p) => Date.parse(p.registrationTime) < Date.parse(cutoff))
      .map((p) => p.instanceID)
      .sort()
    const result = await runBin(['product', 'remove', '--registered-before', cutoff, '--yes', '--json'], {
      env: suite.sandbox.env,
    })
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(
      (JSON.parse(result.stdout) as {items: Array<{id: string}>}).items.map((i) => i.id).sort(),
      expected,
    )
    assert.ok((await suite.sandbox.store.read()).registeredProducts.every((p) => !expected.includes(p.instanceID)))
  })

  it('product remove --hosts-from - removes the hosts of a decommission list read from stdin', async () => {
    const names = await hostnames()
    const [first, second] = [...names.entries()]
    const input = `# decommissioned\n${first![1].toUpperCase()}\n${second![1]}\n`
    const result = await runBin(['product', 'remove', '--hosts-from', '-', '--yes', '--json'], {
      env: suite.sandbox.env,
      input,
    })
    assert.equal(result.code, 0, result.stdout + result.stderr)
    const removed = (JSON.parse(result.stdout) as {items: Array<{id: string; name: string}>}).items
    assert.ok(removed.length >= 2 && removed.every((i) => i.name === first![1] || i.name === second![1]))
    assert.ok([first![0], second![0]].every((id) => removed.some((i) => i.id === id)))
  })

  it('product remove --unresolvable --dns-server removes the hosts a local DNS server answers NXDOMAIN for, and leaves those it fails on', async () => {
    const names = [...(await hostnames()).entries()]
    const [resolving, failing] = [names.slice(0, 4), names.slice(4, 6)]
    const dns = await startTestDnsServer({
      addresses: Object.fromEntries(resolving.map(([, host]) => [host, '10.0.0.1'])),
      failing: failing.map(([, host]) => host),
    })
    try {
      const dryRun = await runBin(
        ['product', 'remove', '--unresolvable', '--dns-server', dns.address, '--dry-run', '--json'],
        {env: suite.sandbox.env},
      )
      assert.equal(dryRun.code, 0, dryRun.stderr)
      const selected = (JSON.parse(dryRun.stdout) as {items: Array<{name: string}>}).items.map((i) => i.name)
      const kept = new Set([...resolving, ...failing].map(([, host]) => host))
      assert.ok(selected.length > 0 && selected.every((host) => !kept.has(host)))
      assert.deepEqual(new Set(selected), new Set(names.map(([, host]) => host).filter((host) => !kept.has(host))))
      assert.match(dryRun.stderr, /DNS could not check \d+ host names?, left out of --unresolvable/)
      assert.ok(dns.queries.length > 0)
    } finally {
      await dns.close()
    }
  })
})
