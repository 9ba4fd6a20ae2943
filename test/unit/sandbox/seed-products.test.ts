import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {seedConnectors, seedRegisteredProducts} from '../../../src/sandbox/state/seed-products.js'
import {freshState} from '../../../src/sandbox/state/seed.js'
import {defaultSettings, defaultSizes} from '../../../src/sandbox/state/settings.js'

const now = new Date('2026-11-24T10:00:00Z')
const day = 86_400_000
const ageDays = (iso: string) => (now.getTime() - Date.parse(iso)) / day

describe('sandbox seed: products and connectors', () => {
  it('makes sizes.products registrations, 25 by default', () => {
    assert.equal(freshState(defaultSettings(), now).registeredProducts.length, 25)
    assert.equal(freshState(defaultSettings({sizes: {...defaultSizes, products: 7}}), now).registeredProducts.length, 7)
  })

  it('makes the same data from the same seed', () => {
    assert.deepEqual(seedRegisteredProducts(7, 10, now), seedRegisteredProducts(7, 10, now))
    assert.notDeepEqual(seedRegisteredProducts(7, 10, now), seedRegisteredProducts(8, 10, now))
  })

  it('has fresh servers and servers silent for months', () => {
    const ages = seedRegisteredProducts(42, 25, now).map((p) => ageDays(p.lastContactTime!))
    assert.ok(ages.some((a) => a < 1))
    assert.ok(ages.some((a) => a > 60))
  })

  it('covers all four products', () => {
    const services = new Set(seedRegisteredProducts(42, 25, now).map((p) => p.service))
    assert.equal(services.size, 4)
  })

  it('puts connectors in every resource location, some silent for months, every connected one recent', () => {
    const state = freshState(defaultSettings(), now)
    const connectors = seedConnectors(42, state.resourceLocations, now)
    assert.deepEqual(new Set(connectors.map((c) => c.location)), new Set(state.resourceLocations.map((l) => l.id)))
    assert.ok(connectors.some((c) => ageDays(c.lastContactDate!) > 30))
    assert.ok(connectors.some((c) => ageDays(c.lastContactDate!) < 1))
    assert.ok(connectors.filter((c) => c.status === 'Connected').every((c) => ageDays(c.lastContactDate!) < 1))
    assert.ok(
      connectors.some((c) => c.connectorType === 'Unified') && connectors.some((c) => c.connectorType === 'Windows'),
    )
  })

  it("serves Cloud Connectors as Citrix's own sample does: status Unknown, role and leaseEndDateTime null", () => {
    const state = freshState(defaultSettings(), now)
    const windows = seedConnectors(42, state.resourceLocations, now).filter((c) => c.connectorType === 'Windows')
    assert.ok(windows.length > 0)
    assert.ok(windows.every((c) => c.status === 'Unknown' && c.role === null && c.leaseEndDateTime === null))
  })
})
