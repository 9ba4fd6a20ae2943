import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {startDataSandbox} from '../helpers/data-sandbox.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

describe('e2e: ctx connector list and remove against the sandbox', () => {
  const suite = useSandboxSuite({each: true, start: () => startDataSandbox()})

  it('lists the seeded connectors of one resource location, by name', async () => {
    const location = (await suite.sandbox.store.read()).resourceLocations[1]!
    const result = await runBin(['connector', 'list', '--resource-location', location.name, '--json'], {
      env: suite.sandbox.env,
    })
    assert.equal(result.code, 0, result.stderr)
    const {connectors} = JSON.parse(result.stdout) as {connectors: Array<{location: string; locationName: string}>}
    assert.ok(connectors.length > 0)
    assert.ok(connectors.every((c) => c.location === location.id && c.locationName === location.name))
    assert.ok(suite.sandbox.log.all().some((r) => r.url === `/connectors?Location=${location.id}`))
  })

  it('--dry-run leaves the connectors unchanged', async () => {
    const before = (await suite.sandbox.store.read()).connectors
    const result = await runBin(['connector', 'remove', '--stale', '30d', '--dry-run'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /would remove/)
    assert.deepEqual((await suite.sandbox.store.read()).connectors, before)
  })

  it('removes the long-silent connectors and keeps every Connected one', async () => {
    const connected = (await suite.sandbox.store.read()).connectors
      .filter((c) => c.status === 'Connected')
      .map((c) => c.id)
    const result = await runBin(['connector', 'remove', '--stale', '30d', '--yes'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const left = (await suite.sandbox.store.read()).connectors
    const cutoff = Date.now() - 30 * 86_400_000
    assert.ok(left.every((c) => c.status === 'Connected' || Date.parse(c.lastContactDate!) >= cutoff))
    assert.deepEqual(
      left.filter((c) => c.status === 'Connected').map((c) => c.id),
      connected,
    )
  })

  it('never selects an Unknown Cloud Connector with a recent last contact by --stale (the sandbox serves Unknown, as Citrix does)', async () => {
    const {connectors} = await suite.sandbox.store.read()
    const recentUnknown = connectors.filter(
      (c) => c.status === 'Unknown' && Date.now() - Date.parse(c.lastContactDate!) < 86_400_000,
    )
    const silentUnknown = connectors.filter(
      (c) => c.status === 'Unknown' && Date.now() - Date.parse(c.lastContactDate!) > 30 * 86_400_000,
    )
    assert.ok(recentUnknown.length > 0 && silentUnknown.length > 0, 'the seed has both')
    assert.ok(
      connectors
        .filter((c) => c.connectorType === 'Windows')
        .every((c) => c.role === null && c.leaseEndDateTime === null),
    )
    const result = await runBin(['connector', 'list', '--stale', '30d', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const selected = (JSON.parse(result.stdout) as {connectors: Array<{id: string; status: string}>}).connectors.map(
      (c) => c.id,
    )
    assert.ok(recentUnknown.every((c) => !selected.includes(c.id)))
    assert.ok(silentUnknown.every((c) => selected.includes(c.id)))
  })

  it('says that Citrix may not list appliances, and where to look, when --type appliance finds none', async () => {
    await suite.sandbox.store.update(
      (state) => void (state.connectors = state.connectors.filter((c) => c.connectorType !== 'Unified')),
    )
    const result = await runBin(['connector', 'list', '--type', 'appliance'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, '')
    assert.match(
      result.stderr,
      /Citrix may not list Connector Appliances here.*ctx product list --product connector-appliance/s,
    )
  })

  it('removes one connector by id, and reports it not found the second time', async () => {
    const [connector] = (await suite.sandbox.store.read()).connectors
    assert.equal((await runBin(['connector', 'remove', connector!.id, '--yes'], {env: suite.sandbox.env})).code, 0)
    const again = await runBin(['connector', 'remove', connector!.id, '--yes', '--json'], {env: suite.sandbox.env})
    assert.equal(again.code, 0, again.stderr)
    assert.deepEqual(
      (JSON.parse(again.stdout) as {items: Array<{result: string}>}).items.map((i) => i.result),
      ['not-found'],
    )
  })
})
