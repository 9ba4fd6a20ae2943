import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {runOnTerminal} from '../helpers/pty.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

describe('e2e: waits show progress on a terminal, and nothing in a pipe', () => {
  const suite = useSandboxSuite()

  it('license release counts the users and devices it reads before asking', async () => {
    const {code, output} = await runOnTerminal(['license', 'release', '--expired', '--dry-run'], suite.sandbox.env)
    assert.equal(code, 0, output)
    assert.match(output, /Reading licenses to find the expired ones: [\d,]+ users, [\d,]+ devices…/)
    assert.match(output, /Dry run: \d+ licenses would be released/)
  })

  it('license release reads in silence when stderr is a pipe', async () => {
    const result = await runBin(['license', 'release', '--expired', '--dry-run'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.ok(!result.stderr.includes('Reading licenses'), result.stderr)
  })

  it('auth login says it is checking the API client with Citrix Cloud, then clears that line', async () => {
    const {code, output} = await runOnTerminal(['auth', 'login'], suite.sandbox.env)
    assert.equal(code, 0, output)
    assert.match(output, /Checking the API client \S+ with Citrix Cloud…/)
    assert.ok(output.includes('…\r\u001B[2KVerified and saved'), output)
  })
})
