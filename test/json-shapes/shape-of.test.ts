import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {shapeOf, shapeOfAll} from '../helpers/json-shape.js'

describe('shapeOf', () => {
  it('gives type names, keys sorted, recursively', () => {
    assert.deepEqual(shapeOf({count: 2, items: [{id: 'a', ok: true}], meta: {at: null}}), {
      count: 'number',
      items: [{id: 'string', ok: 'boolean'}],
      meta: {at: 'null'},
    })
  })

  it('merges the elements of an array: a key missing from some is optional, differing types are a union', () => {
    assert.deepEqual(
      shapeOf([
        {id: 'a', lastContact: '2026-01-01'},
        {id: 'b', lastContact: null, error: 'boom'},
      ]),
      [{'error?': 'string', id: 'string', lastContact: 'string|null'}],
    )
  })

  it('writes an empty array as []', () => {
    assert.deepEqual(shapeOf({items: []}), {items: []})
  })

  it('shows an object that is null elsewhere as $anyOf', () => {
    assert.deepEqual(shapeOfAll([{next: {date: 'x'}}, {next: null}]), {next: {$anyOf: [{date: 'string'}, 'null']}})
  })

  it('refuses what JSON cannot hold', () => {
    assert.throws(() => shapeOf({when: undefined}), /undefined is not a JSON value/)
  })
})
