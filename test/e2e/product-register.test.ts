import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {issueCode} from '../../src/sandbox/codes.js'
import {startDataSandbox} from '../helpers/data-sandbox.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import type {TestSandbox} from '../helpers/sandbox.js'

describe('e2e: ctx register against the sandbox', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  beforeEach(async () => {
    temp = useTempConfig()
    sandbox = await startDataSandbox()
  })
  afterEach(async () => {
    await sandbox.stop()
    temp.restore()
  })

  const issue = async (args: string[]) => {
    const result = await runBin(['sandbox', 'issue-code', ...args], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    return result.stdout.trim()
  }

  it('registers a code from `ctx sandbox issue-code`, typed in lower case with a space and a dash', async () => {
    const code = await issue(['--product', 'license-server', '--hostname', 'ls-42.corp.example'])
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4, 6)}-${code.slice(6)}`
    const result = await runBin(['register', '--code', typed, '--yes', '--json'], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {product} = JSON.parse(result.stdout) as {product: {id: string; hostname: string}}
    assert.equal(product.hostname, 'ls-42.corp.example')
    const state = await sandbox.store.read()
    assert.ok(state.registeredProducts.some((p) => p.instanceID === product.id))
  })

  it('exits 2 on a malformed code without making any HTTP call', async () => {
    const result = await runBin(['register', '--code', 'AB12!CD3', '--yes'], {env: sandbox.env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /is not a registration code/)
    assert.deepEqual(sandbox.log.all(), [])
  })

  it('exits 7 when the code was used already', async () => {
    const code = await issue(['--product', 'fas', '--hostname', 'fas-42'])
    assert.equal((await runBin(['register', '--code', code, '--yes'], {env: sandbox.env})).code, 0)
    const again = await runBin(['register', '--code', code, '--yes'], {env: sandbox.env})
    assert.equal(again.code, 7)
    assert.match(again.stderr, /409: Registration code already used/)
  })

  it('exits 2 without a terminal and without --yes, and registers nothing', async () => {
    const code = await issue(['--product', 'cvad', '--hostname', 'ddc-42'])
    const before = (await sandbox.store.read()).registeredProducts.length
    const result = await runBin(['register', '--code', code], {env: sandbox.env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Host name +ddc-42/)
    assert.equal((await sandbox.store.read()).registeredProducts.length, before)
  })

  it("turns a sandbox appliance Registered when its code is registered, and lists it among the connectors", async () => {
    const location = (await sandbox.store.read()).resourceLocations[0]!
    const pending = await sandbox.store.update((state) => {
      state.appliances.push({id: 'appliance-e2e', name: 'ca-e2e', resourceLocationId: location.id})
      return issueCode(state, {service: 'ConnectorAppliance', hostname: 'ca-e2e.corp.example', applianceId: 'appliance-e2e'}, new Date())
    })
    const result = await runBin(['register', '--code', pending.code, '--yes', '--json'], {env: sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {product} = JSON.parse(result.stdout) as {product: {id: string}}
    const appliance = (await sandbox.store.read()).appliances.find((a) => a.id === 'appliance-e2e')
    assert.equal(appliance?.instanceID, product.id)
    const connectors = await runBin(['connector', 'list', '--resource-location', location.name, '--type', 'appliance', '--json'], {env: sandbox.env})
    const listed = (JSON.parse(connectors.stdout) as {connectors: Array<{fqdn: string; status: string}>}).connectors
    assert.ok(listed.some((c) => c.fqdn === 'ca-e2e.corp.example' && c.status === 'Connected'))
  })
})

describe('e2e: an expired code', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  beforeEach(async () => {
    temp = useTempConfig()
    sandbox = await startDataSandbox({settings: {codeTtlSeconds: 0}})
  })
  afterEach(async () => {
    await sandbox.stop()
    temp.restore()
  })

  it('exits 6 saying to ask the product for a new code', async () => {
    const issued = await runBin(['sandbox', 'issue-code', '--product', 'license-server', '--hostname', 'ls-old'], {env: sandbox.env})
    const result = await runBin(['register', '--code', issued.stdout.trim(), '--yes'], {env: sandbox.env})
    assert.equal(result.code, 6)
    assert.match(result.stderr, /404: Registration code not found or expired/)
    assert.match(result.stderr, /ask the product for a new code/)
  })
})
