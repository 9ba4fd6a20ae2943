import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {endpoints} from '../../../src/citrix/endpoints.js'
import {listItems, optionalBoolean, optionalString, optionalTime, requiredString} from '../../../src/citrix/wire.js'
import {UnavailableError} from '../../../src/errors.js'

describe('citrix/wire: reading answers tolerantly', () => {
  it('reads a string field, a number as its text, and null or absence as nothing', () => {
    assert.equal(optionalString({a: 'x'}, 'a'), 'x')
    assert.equal(optionalString({a: 3600}, 'a'), '3600')
    assert.equal(optionalString({a: null}, 'a'), undefined)
    assert.equal(optionalString({}, 'a'), undefined)
    assert.equal(optionalString(null, 'a'), undefined)
  })

  it('takes the first of several spellings (instanceID or instanceId)', () => {
    assert.equal(optionalString({instanceId: 'i-1'}, 'instanceID', 'instanceId'), 'i-1')
  })

  it('turns a missing needed field into exit 8 naming the call and the field', () => {
    assert.throws(
      () => requiredString(endpoints.listConnectors, {fqdn: 'cc-01'}, 'id'),
      (error: unknown) =>
        error instanceof UnavailableError &&
        error.exitCode === 8 &&
        /GET \/connectors/.test(error.message) &&
        /"id"/.test(error.message),
    )
  })

  it('reads a boolean sent as one or as text, and an unparseable time as none', () => {
    assert.equal(optionalBoolean({b: 'true'}, 'b'), true)
    assert.equal(optionalBoolean({b: null}, 'b'), undefined)
    assert.equal(optionalTime({t: 'yesterday'}, 't'), undefined)
    assert.equal(optionalTime({t: '2026-11-20T08:12:00Z'}, 't'), '2026-11-20T08:12:00Z')
  })

  it('reads a list as a bare array or under any named envelope, and an empty answer as an empty list', () => {
    const names = ['items', 'Items']
    assert.deepEqual(listItems(endpoints.listConnectors, [1], names), [1])
    assert.deepEqual(listItems(endpoints.listConnectors, {Items: [2], other: true}, names), [2])
    assert.deepEqual(listItems(endpoints.listConnectors, undefined, names), [])
  })

  it('turns a list answer with none of the envelopes into exit 8 naming the call', () => {
    assert.throws(
      () => listItems(endpoints.listConnectors, {values: []}, ['items']),
      (error: unknown) => error instanceof UnavailableError && /GET \/connectors/.test(error.message),
    )
  })
})
