import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {exitCodeMeanings} from '../../src/errors.js'

describe('ctx help', () => {
  it('ends the root help with the exit-code table', async () => {
    const {stdout} = await runCommand(['help'])
    assert.match(stdout, /EXIT CODES/)
    for (const [code, meaning] of exitCodeMeanings)
      assert.ok(stdout.includes(`${code}  ${meaning}`), `missing exit code ${code}`)
  })

  it('shows a command’s own help without the table', async () => {
    const {stdout} = await runCommand(['help', 'auth', 'login'])
    assert.match(stdout, /--client-secret-stdin/)
    assert.doesNotMatch(stdout, /EXIT CODES/)
  })
})
