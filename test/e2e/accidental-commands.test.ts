import assert from 'node:assert/strict'

import {afterEach, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'

describe('e2e: no accidental commands', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('an unknown command runs nothing: it suggests the near one and exits 2', async () => {
    // `sandbox reset` is one edit from `sandbox rese`: a guess that ran would change the sandbox's state.
    const result = await runBin(['sandbox', 'rese'])
    assert.equal(result.code, 2)
    assert.equal(result.stdout, '')
    assert.match(result.stderr, /^Error: "sandbox rese" is not a ctx command\.\nHint: Did you mean `ctx sandbox reset`/)
    assert.equal(result.stderr.trim().split('\n').length, 2, 'the error and its hint, nothing a command printed')
  })

  it('-h is --help, at the root and on a command', async () => {
    const root = await runBin(['-h'])
    assert.equal(root.code, 0, root.stderr)
    assert.equal(root.stdout, (await runBin(['--help'])).stdout)
    const command = await runBin(['product', 'list', '-h'])
    assert.equal(command.code, 0, command.stderr)
    assert.match(command.stdout, /^List product registrations|USAGE/m)
  })

  it('ctx version prints what --version prints', async () => {
    const [command, flag] = await Promise.all([runBin(['version']), runBin(['--version'])])
    assert.equal(command.code, 0, command.stderr)
    assert.equal(command.stdout, flag.stdout)
  })

  it('a parse error reads as one line naming the command and the flag', async () => {
    const result = await runBin(['license', 'export', 'users', '--format', 'bogus'])
    assert.equal(result.code, 2)
    assert.equal(
      result.stderr,
      'Error: ctx license export takes one of csv, json, ndjson, xlsx for --format, not "bogus".\nHint: See ctx license export --help.\n',
    )
  })
})
