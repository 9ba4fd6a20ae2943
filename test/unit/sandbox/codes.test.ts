import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {acceptCode, findPendingCode, issueCode} from '../../../src/sandbox/cloud/registration-codes.js'
import {freshState} from '../../../src/sandbox/state/seed.js'
import {defaultSettings} from '../../../src/sandbox/state/settings.js'
import type {SandboxState} from '../../../src/sandbox/state/types.js'

const now = new Date('2026-11-24T10:00:00Z')
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000)

function emptyState(): SandboxState {
  return {
    ...freshState(defaultSettings({sizes: {products: 0, users: 0, devices: 0, customers: 0, appliances: 0}}), now),
    connectors: [],
  }
}

describe('sandbox registration codes', () => {
  it('issues an 8-character A-Z0-9 code that expires after codeTtlSeconds', () => {
    const state = emptyState()
    const pending = issueCode(state, {service: 'LicenseServer', hostname: 'ls-01'}, now)
    assert.match(pending.code, /^[A-Z0-9]{8}$/)
    assert.equal(pending.expiryTimestamp, later(15 * 60).toISOString())
    assert.equal(state.pendingCodes.length, 1)
  })

  it('describes the product in deviceInfo with hostname, product and version', () => {
    const pending = issueCode(
      emptyState(),
      {service: 'FederatedAuthenticationService', hostname: 'fas-01', version: '1.2.3'},
      now,
    )
    const values = Object.fromEntries(pending.deviceInfo.properties.map((p) => [p.property, p.value]))
    assert.deepEqual(values, {hostname: 'fas-01', product: 'Citrix Federated Authentication Service', version: '1.2.3'})
  })

  it('finds a pending code, and says unknown for one never issued', () => {
    const state = emptyState()
    const {code} = issueCode(state, {service: 'LicenseServer', hostname: 'ls-01'}, now)
    assert.equal((findPendingCode(state, code, later(60)) as {code: string}).code, code)
    assert.equal(findPendingCode(state, 'ZZZZZZZZ', now), 'unknown')
  })

  it('says expired once the expiry time is reached', () => {
    const state = emptyState()
    const {code} = issueCode(state, {service: 'LicenseServer', hostname: 'ls-01'}, now)
    assert.equal(findPendingCode(state, code, later(15 * 60)), 'expired')
  })

  it('accepts a code once: a registered product, and the code marked used', () => {
    const state = emptyState()
    const {code} = issueCode(state, {service: 'LicenseServer', hostname: 'ls-01'}, now)
    const first = acceptCode(state, code, later(10))
    assert.ok('product' in first)
    assert.equal(first.product.service, 'LicenseServer')
    assert.equal(first.product.registrationTime, later(10).toISOString())
    assert.deepEqual(
      state.registeredProducts.map((p) => p.instanceID),
      [first.product.instanceID],
    )
    assert.equal(state.pendingCodes[0]?.instanceID, first.product.instanceID)
    assert.deepEqual(acceptCode(state, code, later(20)), {error: 'used'})
  })

  it('says used rather than expired for a used code past its expiry', () => {
    const state = emptyState()
    const {code} = issueCode(state, {service: 'LicenseServer', hostname: 'ls-01'}, now)
    acceptCode(state, code, now)
    assert.equal(findPendingCode(state, code, later(3600)), 'used')
  })

  it('refuses an expired code and registers nothing', () => {
    const state = emptyState()
    const {code} = issueCode(state, {service: 'LicenseServer', hostname: 'ls-01'}, now)
    assert.deepEqual(acceptCode(state, code, later(16 * 60)), {error: 'expired'})
    assert.equal(state.registeredProducts.length, 0)
  })

  it("registers an appliance's code: the appliance gets the instance id and appears as a Connected Unified connector", () => {
    const state = emptyState()
    state.appliances.push({id: 'appliance-1', name: 'ca-01', resourceLocationId: 'location-1'})
    const {code} = issueCode(
      state,
      {service: 'ConnectorAppliance', hostname: 'ca-01.corp.example', applianceId: 'appliance-1'},
      now,
    )
    const outcome = acceptCode(state, code, now)
    assert.ok('product' in outcome)
    assert.equal(state.appliances[0]?.instanceID, outcome.product.instanceID)
    assert.deepEqual(
      state.connectors.map((c) => [c.fqdn, c.connectorType, c.status, c.location]),
      [['ca-01.corp.example', 'Unified', 'Connected', 'location-1']],
    )
  })
})
