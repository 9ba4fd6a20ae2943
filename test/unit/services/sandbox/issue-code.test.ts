import assert from 'node:assert/strict'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {issueSandboxCode} from '../../../../src/services/sandbox/issue-code.js'
import {SandboxStore} from '../../../../src/sandbox/state/store.js'

describe('sandbox issue-code service', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ctx-issue-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('creates the sandbox state when there is none, and stores the pending code in it', async () => {
    const pending = await issueSandboxCode({product: 'license-server', hostname: 'ls-09', dir})
    const state = await new SandboxStore(dir).read()
    assert.deepEqual(
      state.pendingCodes.map((c) => [c.code, c.service]),
      [[pending.code, 'LicenseServer']],
    )
    assert.equal(state.registeredProducts.length, 25)
  })

  it('maps each product name to its Citrix service', async () => {
    const services = []
    for (const product of ['license-server', 'fas', 'cvad', 'connector-appliance'] as const)
      services.push((await issueSandboxCode({product, hostname: 'h', dir})).service)
    assert.deepEqual(services, [
      'LicenseServer',
      'FederatedAuthenticationService',
      'VirtualAppsAndDesktops',
      'ConnectorAppliance',
    ])
  })
})
