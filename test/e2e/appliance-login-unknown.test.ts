import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {adminPassword, hostOf} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

// The appliance login is ctx's one modelled appliance step: an appliance whose API has no such call
// (404) or not with POST (405) must say so, and ask for the appliance version, rather than fail vaguely.
describe("e2e: an appliance that does not answer ctx's login call", () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox()
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })

  for (const status of [404, 405]) {
    it(`exits 8 asking for the appliance version when the login call answers ${status}`, async () => {
      sandbox.faults.set({routes: [{method: 'POST', path: '/$login', status}]})
      const trust = ['--host', hostOf(sandbox), '--fingerprint', sandbox.appliances[0]!.fingerprint]
      const result = await runBin(['appliance', 'login', ...trust, '--password-stdin'], {
        env: sandbox.env,
        input: adminPassword,
      })
      assert.equal(result.code, 8, result.stderr)
      assert.match(
        result.stderr,
        new RegExp(
          `answered ${status} to POST /\\$login: this appliance does not answer ctx's login call; please report the appliance version\\.`,
        ),
      )
      assert.ok(
        sandbox.log.all().some((request) => request.method === 'POST' && request.url.endsWith('/$login')),
        'the login call was made',
      )
    })
  }
})
