import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {UsageError} from '../../../src/errors.js'
import {compileGlob} from '../../../src/services/glob.js'
import {nameMatcher} from '../../../src/services/selection.js'

// Issue 15, item 18: plain globs, matched without backtracking blow-ups; anything else is exit 2.

describe('plain globs', () => {
  it('matches *, ? and [...] case-insensitively', () => {
    const matches = compileGlob('CA-0?.*.example')
    assert.ok(matches('ca-01.emea.corp.example'))
    assert.ok(!matches('ca-1.emea.corp.example'))
    assert.ok(compileGlob('ls-[a-c]*')('LS-b-02'))
    assert.ok(!compileGlob('ls-[!a-c]*')('ls-b-02'))
    assert.ok(compileGlob('*')(''))
    assert.ok(compileGlob('a*b*c')('a--b--b--c'))
    assert.ok(!compileGlob('a*b*c')('a--b--b--'))
    assert.ok(compileGlob('[]]x')(']x'))
  })

  for (const glob of ['*(*(a*)*)!', '+(a|b)', '@(x)', '{a,b}', 'a\\*']) {
    it(`refuses ${glob} with exit 2`, () => {
      assert.throws(
        () => nameMatcher(glob),
        (error: UsageError) =>
          error instanceof UsageError && error.exitCode === 2 && /not a plain glob/.test(error.message),
      )
    })
  }

  it('refuses an unclosed [', () => {
    assert.throws(() => compileGlob('ls-[ab'), UsageError)
  })

  it('matches a pathological pattern against a long name in well under a second', () => {
    const started = Date.now()
    const matches = compileGlob(`${'*a'.repeat(100)}!`)
    for (let i = 0; i < 20; i++) assert.equal(matches('a'.repeat(2000)), false)
    assert.ok(Date.now() - started < 1000, `${Date.now() - started} ms`)
  })
})
