import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {findConsumer, licenseDevice, licenseUser} from '../../../src/sandbox/cloud/licensing/consumers.js'
import {freshState} from '../../../src/sandbox/state/seed.js'
import {defaultSettings} from '../../../src/sandbox/state/settings.js'

const anchor = Date.parse('2026-11-01T00:00:00Z')

describe('sandbox license generator', () => {
  it('makes the same row from the same seed and index, without the rows before it', () => {
    assert.deepEqual(licenseUser(42, 'cvad', anchor, 999_999), licenseUser(42, 'cvad', anchor, 999_999))
    assert.notDeepEqual(licenseUser(42, 'cvad', anchor, 7), licenseUser(43, 'cvad', anchor, 7))
  })

  it('gives each product its own users', () => {
    assert.notEqual(licenseUser(42, 'cvad', anchor, 7).userId, licenseUser(42, 'xenmobile', anchor, 7).userId)
  })

  it('keeps the row index in the last 12 hex digits of the id', () => {
    assert.match(
      licenseDevice(42, 'cvad', anchor, 0xabc).deviceId,
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-000000000abc$/,
    )
  })

  it('leads an id back to its user or device, and nowhere for a forged one', () => {
    const state = freshState(
      defaultSettings({sizes: {products: 0, users: 50, devices: 50, customers: 1, appliances: 0}}),
    )
    const anchorMs = Date.parse(state.createdAt)
    const device = licenseDevice(state.settings.seed, 'cvad', anchorMs, 12)
    assert.equal(findConsumer(state, 'cvad', device.deviceId)?.kind, 'devices')
    assert.equal(
      findConsumer(
        state,
        'cvad',
        device.deviceId.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
      ),
      undefined,
    )
    assert.equal(findConsumer(state, 'cvad', licenseUser(state.settings.seed, 'cvad', anchorMs, 60).userId), undefined)
  })

  it('dates a license no later than the anchor, and its last login no earlier than its assignment', () => {
    for (let i = 0; i < 500; i++) {
      const user = licenseUser(42, 'cvad', anchor, i)
      assert.ok(Date.parse(user.licenseAssignedDate) <= anchor)
      assert.ok(Date.parse(user.lastLoginDate) >= Date.parse(user.licenseAssignedDate))
    }
  })
})
