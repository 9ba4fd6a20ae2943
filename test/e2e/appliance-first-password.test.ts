import assert from 'node:assert/strict'
import {after, before, describe, it} from 'mocha'

import {defaultSizes} from '../../src/sandbox/state/settings.js'
import {adminPassword, hostOf} from '../helpers/appliance-e2e.js'
import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

describe('e2e: a new appliance (no admin password yet) with every appliance command', () => {
  let temp: ReturnType<typeof useTempConfig>
  let sandbox: TestSandbox
  before(async () => {
    temp = useTempConfig()
    sandbox = await startTestSandbox({settings: {pollingIntervalSeconds: 1, sizes: {...defaultSizes, appliances: 3}}})
  })
  after(async () => {
    await sandbox.stop()
    temp.restore()
  })
  const trust = (index: number) => [
    '--host',
    hostOf(sandbox, index),
    '--fingerprint',
    sandbox.appliances[index]!.fingerprint,
  ]

  it('appliance status sets the first password from CTX_APPLIANCE_PASSWORD, as login does', async () => {
    const result = await runBin(['appliance', 'status', ...trust(0), '--json'], {
      env: {...sandbox.env, CTX_APPLIANCE_PASSWORD: adminPassword},
    })
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {status: string}).status, 'Unregistered')
    const again = await runBin(['appliance', 'login', ...trust(0), '--password-stdin'], {
      env: sandbox.env,
      input: adminPassword,
    })
    assert.equal(again.code, 0, again.stderr)
    assert.doesNotMatch(again.stderr, /Set the first admin password/)
  })

  it('appliance register --accept sets the first password and registers in one command (the README pipeline)', async () => {
    const result = await runBin(
      [
        'appliance',
        'register',
        ...trust(1),
        '--name',
        'ca-new',
        '--resource-location',
        'Headquarters',
        '--accept',
        '--json',
      ],
      {env: {...sandbox.env, CTX_APPLIANCE_PASSWORD: adminPassword}},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {status: string}).status, 'Registered')
  })

  it('appliance login with no password and no terminal names --password-stdin and CTX_APPLIANCE_PASSWORD (exit 2)', async () => {
    const result = await runBin(['appliance', 'login', ...trust(2)], {
      env: {...sandbox.env, CTX_APPLIANCE_PASSWORD: undefined},
    })
    assert.equal(result.code, 2)
    assert.match(
      result.stderr,
      /Error: A first admin password for 127\.0\.0\.1:\d+ \(it has none yet\) is needed and there is no terminal to ask on\./,
    )
    assert.match(result.stderr, /Hint: Pipe it in with --password-stdin, or set CTX_APPLIANCE_PASSWORD\./)
    assert.doesNotMatch(result.stderr, /choose one is needed|ctx appliance login/)
  })
})
