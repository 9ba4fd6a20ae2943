import assert from 'node:assert/strict'
import {join} from 'node:path'
import {after, before, describe, it} from 'mocha'

import {startSandbox} from '../../src/sandbox/start.js'
import {adminPassword} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'

describe('e2e: ctx appliance with --sandbox (the sandbox inside the command)', () => {
  let temp: ReturnType<typeof useTempConfig>
  let appliance: {host: string; fingerprint: string}
  before(async () => {
    temp = useTempConfig()
    // A first start makes the appliance, its certificate and its port; --sandbox then brings it back the same.
    const first = await startSandbox({dataDir: join(temp.dir, 'data', 'sandbox')})
    appliance = {host: new URL(first.appliances[0]!.url).host, fingerprint: first.appliances[0]!.fingerprint}
    await first.close()
  })
  after(() => temp.restore())

  it('starts the simulated appliance in-process at its address, with the same certificate', async () => {
    const result = await runBin(
      [
        'appliance',
        'login',
        '--sandbox',
        '--host',
        appliance.host,
        '--fingerprint',
        appliance.fingerprint,
        '--password-stdin',
      ],
      {env: {CTX_CONFIG_DIR: temp.dir}, input: adminPassword},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /Set the first admin password/)
  })

  it('finds the first sandbox appliance when --host is missing, trusting the certificate the sandbox made', async () => {
    const result = await runBin(['appliance', 'status', '--sandbox', '--json'], {
      env: {CTX_CONFIG_DIR: temp.dir, CTX_APPLIANCE_PASSWORD: adminPassword},
    })
    assert.equal(result.code, 0, result.stderr)
    assert.deepEqual(JSON.parse(result.stdout), {host: appliance.host, status: 'Unregistered'})
  })
})
