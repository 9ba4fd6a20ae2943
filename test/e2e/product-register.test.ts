import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {issueCode} from '../../src/sandbox/cloud/registration-codes.js'
import {startDataSandbox} from '../helpers/data-sandbox.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

describe('e2e: ctx register against the sandbox', () => {
  const suite = useSandboxSuite({each: true, start: () => startDataSandbox()})

  const issue = async (args: string[]) => {
    const result = await runBin(['sandbox', 'issue-code', ...args], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    return result.stdout.trim()
  }

  it('registers a code from `ctx sandbox issue-code`, typed in lower case with a space and a dash', async () => {
    const code = await issue(['--product', 'license-server', '--hostname', 'ls-42.corp.example'])
    const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(4, 6)}-${code.slice(6)}`
    const result = await runBin(['register', '--code', typed, '--yes', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {product} = JSON.parse(result.stdout) as {product: {id: string; hostname: string}}
    assert.equal(product.hostname, 'ls-42.corp.example')
    const state = await suite.sandbox.store.read()
    assert.ok(state.registeredProducts.some((p) => p.instanceID === product.id))
  })

  it('exits 2 on a malformed code without making any HTTP call', async () => {
    const result = await runBin(['register', '--code', 'AB12!CD3', '--yes'], {env: suite.sandbox.env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /is not a registration code/)
    assert.deepEqual(suite.sandbox.log.all(), [])
  })

  it('exits 7 when the code was used already', async () => {
    const code = await issue(['--product', 'fas', '--hostname', 'fas-42'])
    assert.equal((await runBin(['register', '--code', code, '--yes'], {env: suite.sandbox.env})).code, 0)
    const again = await runBin(['register', '--code', code, '--yes'], {env: suite.sandbox.env})
    assert.equal(again.code, 7)
    assert.match(again.stderr, /409: Registration code already used/)
  })

  it('exits 2 without a terminal and without --yes, and registers nothing', async () => {
    const code = await issue(['--product', 'cvad', '--hostname', 'ddc-42'])
    const before = (await suite.sandbox.store.read()).registeredProducts.length
    const result = await runBin(['register', '--code', code], {env: suite.sandbox.env})
    assert.equal(result.code, 2)
    assert.match(result.stderr, /Host name +ddc-42/)
    assert.equal((await suite.sandbox.store.read()).registeredProducts.length, before)
  })

  it('turns a sandbox appliance Registered when its code is registered, and lists it among the connectors', async () => {
    const location = (await suite.sandbox.store.read()).resourceLocations[0]!
    const pending = await suite.sandbox.store.update((state) => {
      state.appliances.push({id: 'appliance-e2e', name: 'ca-e2e', resourceLocationId: location.id})
      return issueCode(
        state,
        {service: 'ConnectorAppliance', hostname: 'ca-e2e.corp.example', applianceId: 'appliance-e2e'},
        new Date(),
      )
    })
    const result = await runBin(['register', '--code', pending.code, '--yes', '--json'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const {product} = JSON.parse(result.stdout) as {product: {id: string}}
    const appliance = (await suite.sandbox.store.read()).appliances.find((a) => a.id === 'appliance-e2e')
    assert.equal(appliance?.instanceID, product.id)
    const connectors = await runBin(
      ['connector', 'list', '--resource-location', location.name, '--type', 'appliance', '--json'],
      {env: suite.sandbox.env},
    )
    const listed = (JSON.parse(connectors.stdout) as {connectors: Array<{fqdn: string; status: string}>}).connectors
    assert.ok(listed.some((c) => c.fqdn === 'ca-e2e.corp.example' && c.status === 'Connected'))
  })
})

describe('e2e: an expired code', () => {
  const suite = useSandboxSuite({each: true, start: () => startDataSandbox({settings: {codeTtlSeconds: 0}})})

  it('exits 6 saying to ask the product for a new code', async () => {
    const issued = await runBin(['sandbox', 'issue-code', '--product', 'license-server', '--hostname', 'ls-old'], {
      env: suite.sandbox.env,
    })
    const result = await runBin(['register', '--code', issued.stdout.trim(), '--yes'], {env: suite.sandbox.env})
    assert.equal(result.code, 6)
    assert.match(result.stderr, /404: Registration code not found or expired/)
    assert.match(result.stderr, /ask the product for a new code/)
  })
})
