import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {createHttpClient} from '../../../src/http/client.js'
import {startTestSandbox, type TestSandbox} from '../../helpers/sandbox.js'

const http = createHttpClient({maxRetries: 0}).extend({
  https: {rejectUnauthorized: false},
  throwHttpErrors: false,
  responseType: 'json',
})

describe('sandbox: appliances across a reset', () => {
  let sandbox: TestSandbox
  let again: TestSandbox | undefined
  before(async () => {
    sandbox = await startTestSandbox()
    await http(`${sandbox.appliances[0]!.url}/credentials`, {method: 'POST', json: {username: 'admin', password: 'pw'}})
    await fetch(`${sandbox.url}/_sandbox/reset`, {method: 'POST'})
  })
  after(async () => {
    await again?.close()
    await sandbox.stop() // closes again (harmless) and removes the data folder
  })

  it('keeps a running appliance answering, as a fresh one with no password', async () => {
    const reply = await http(`${sandbox.appliances[0]!.url}/credentials`)
    assert.deepEqual(reply.body as unknown, {credentialsAreSetup: false})
  })

  it('keeps the running appliance in the state, so that the next start brings it back with the same certificate', async () => {
    assert.equal((await sandbox.store.read()).appliances[0]?.id, sandbox.appliances[0]!.id)
    await sandbox.close()
    again = await startTestSandbox({dataDir: sandbox.store.dir})
    assert.equal(again.appliances[0]!.fingerprint, sandbox.appliances[0]!.fingerprint)
  })
})
