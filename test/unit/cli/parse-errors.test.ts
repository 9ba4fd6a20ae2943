import assert from 'node:assert/strict'

import {describe, it} from 'mocha'

import {suggestCommands} from '../../../src/cli/hooks/command-not-found.js'
import {plainParseError} from '../../../src/cli/parse-errors.js'

describe('plainParseError: oclif parse errors in ctx words, naming the command', () => {
  it('an unknown flag', () => {
    assert.equal(
      plainParseError('Nonexistent flag: --bogus\nSee more help with --help', 'product list'),
      'ctx product list has no flag --bogus.',
    )
  })

  it('a missing required flag (the framed form oclif gives)', () => {
    const message = 'The following error occurred:\n  Missing required flag out\nSee more help with --help'
    assert.equal(plainParseError(message, 'license report'), 'ctx license report needs --out.')
  })

  it('a value not among the options', () => {
    assert.equal(
      plainParseError('Expected --format=bogus to be one of: csv, json\nSee more help with --help', 'license export'),
      'ctx license export takes one of csv, json for --format, not "bogus".',
    )
  })

  it('two flags that exclude each other', () => {
    const message =
      'The following error occurred:\n  --unattended=true cannot also be provided when using --accept\nSee more help with --help'
    assert.equal(
      plainParseError(message, 'appliance register'),
      'ctx appliance register cannot take --unattended and --accept together.',
    )
  })

  it('a value of the wrong kind, and a flag without its value', () => {
    const parsing =
      'Parsing --months \n\tExpected an integer greater than or equal to 1 but received: 0\nSee more help with --help'
    assert.equal(
      plainParseError(parsing, 'license export'),
      'ctx license export needs an integer greater than or equal to 1 for --months, not "0".',
    )
    assert.equal(
      plainParseError('Flag --stale expects a value', 'product list'),
      'ctx product list needs a value for --stale.',
    )
  })

  it('missing and unexpected arguments', () => {
    const missing = 'Missing 2 required args:\nkey    setting name\nvalue  its value\nSee more help with --help'
    assert.equal(plainParseError(missing, 'config set'), 'ctx config set needs the arguments <key> <value>.')
    assert.equal(
      plainParseError('Unexpected argument: extra\nSee more help with --help', 'config get'),
      'ctx config get does not take the argument extra.',
    )
  })

  it('keeps a message it does not know, in one line', () => {
    assert.equal(plainParseError('Something new\nwith two lines', 'doctor'), 'Something new; with two lines')
  })
})

describe('suggestCommands: the nearest commands to a mistyped one', () => {
  const ids = ['license summary', 'license servers', 'product list', 'product remove', 'doctor']

  it('finds a misspelt topic and a misspelt command', () => {
    assert.deepEqual(suggestCommands('licence summary', ids), ['license summary'])
    assert.deepEqual(suggestCommands('product lst', ids), ['product list'])
  })

  it('suggests nothing for something far from every command', () => {
    assert.deepEqual(suggestCommands('zzz', ids), [])
  })
})
