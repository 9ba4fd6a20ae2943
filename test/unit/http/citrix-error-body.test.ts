import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {errorParameters, parseErrorEnvelope} from '../../../src/http/citrix-error-body.js'

const read = (body: unknown) => parseErrorEnvelope(JSON.stringify(body))

describe("http/citrix-error-body: Citrix's error envelope, read tolerantly", () => {
  it('keeps a type given as a URL or as a bare code', () => {
    assert.equal(
      read({type: 'https://errors-api.cloud.com/common/notFound', detail: 'x'}).type,
      'https://errors-api.cloud.com/common/notFound',
    )
    assert.equal(read({type: '404', detail: 'resource not found'}).type, '404')
    assert.equal(read({type: 404}).type, '404')
  })

  it('reads parameters as an array of {name, value}', () => {
    assert.deepEqual(
      errorParameters(
        read({
          parameters: [
            {name: 'retryDelay', value: '4'},
            {name: 'reason', value: 'missing'},
          ],
        }),
      ),
      {retryDelay: '4', reason: 'missing'},
    )
  })

  it('reads parameters as an object of name → value', () => {
    assert.deepEqual(errorParameters(read({parameters: {retryDelay: 4}})), {retryDelay: '4'})
  })

  it("reads licensing's generic shape: one {name, value} object", () => {
    assert.deepEqual(
      errorParameters(
        read({type: '404', detail: 'resource not found', parameters: {name: 'entityType', value: 'cvad'}}),
      ),
      {entityType: 'cvad'},
    )
  })

  it('leaves out null values and ignores null or odd parameters', () => {
    assert.deepEqual(
      errorParameters(read({parameters: [{name: 'a', value: null}, null, 'x', {Name: 'b', Value: 'c'}]})),
      {b: 'c'},
    )
    assert.deepEqual(errorParameters(read({parameters: null})), {})
  })

  it('reads a null detail as none, and falls back to title', () => {
    assert.equal(read({detail: null}).detail, undefined)
    assert.equal(read({detail: null, title: 'Not Found'}).detail, 'Not Found')
  })

  it('reads a body that is not a JSON object as an empty envelope', () => {
    assert.deepEqual(parseErrorEnvelope('[1,2]'), {})
    assert.deepEqual(parseErrorEnvelope('<html>'), {})
    assert.deepEqual(parseErrorEnvelope('null'), {})
  })
})
