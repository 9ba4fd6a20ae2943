import assert from 'node:assert/strict'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {SandboxStore} from '../../../src/sandbox/state/store.js'
import {useTempConfig} from '../../helpers/env.js'

describe('ctx sandbox issue-code', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('prints only the code on stdout and keeps it pending in the sandbox state', async () => {
    const {stdout, stderr} = await runCommand([
      'sandbox',
      'issue-code',
      '--product',
      'license-server',
      '--hostname',
      'ls-42.corp.example',
    ])
    const code = stdout.trim()
    assert.match(code, /^[A-Z0-9]{8}$/)
    assert.match(stderr, /ctx register --code/)
    const state = await new SandboxStore(join(temp.dir, 'data', 'sandbox')).read()
    assert.equal(state.pendingCodes.find((c) => c.code === code)?.service, 'LicenseServer')
  })

  it('returns the code, service, host name and expiry under --json', async () => {
    const {stdout} = await runCommand(['sandbox', 'issue-code', '--product', 'fas', '--hostname', 'fas-9', '--json'])
    const result = JSON.parse(stdout) as Record<string, string>
    assert.deepEqual(Object.keys(result).sort(), ['code', 'expiryTimestamp', 'hostname', 'service'])
    assert.equal(result.service, 'FederatedAuthenticationService')
  })

  it('exits 2 on an unknown product', async () => {
    const {error, stderr} = await runCommand(['sandbox', 'issue-code', '--product', 'xenapp', '--hostname', 'h'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /ctx sandbox issue-code takes one of .* for --product, not "xenapp"/)
  })

  it('exits 2 without --hostname', async () => {
    const {error, stderr} = await runCommand(['sandbox', 'issue-code', '--product', 'fas'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /^Error: ctx sandbox issue-code needs --hostname.\n/)
  })
})
