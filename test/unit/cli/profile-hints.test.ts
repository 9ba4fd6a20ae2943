import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {withProfile} from '../../../src/cli/profile-hints.js'

describe('cli: suggested commands carry the --profile in use', () => {
  it('adds --profile to each quoted ctx command', () => {
    assert.equal(
      withProfile('Check it with `ctx auth status`, or log in again with `ctx auth login`.', 'prod'),
      'Check it with `ctx auth status --profile prod`, or log in again with `ctx auth login --profile prod`.',
    )
  })

  it('leaves the text alone without a profile, and commands that name one already', () => {
    assert.equal(withProfile('Run `ctx auth login`.', undefined), 'Run `ctx auth login`.')
    assert.equal(withProfile('Run `ctx auth login --profile lab`.', 'prod'), 'Run `ctx auth login --profile lab`.')
  })

  it('quotes a profile name the shell would split', () => {
    assert.equal(withProfile('Run `ctx auth login`.', 'my lab'), "Run `ctx auth login --profile 'my lab'`.")
  })
})
