import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {saveSecret} from '../../../src/config/secrets.js'
import {ConfigStore} from '../../../src/config/store.js'
import {useTempConfig} from '../../helpers/env.js'

describe('ctx config get | set | unset | list', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('set then get prints the value on stdout', async () => {
    await runCommand(['config', 'set', 'region', 'eu'])
    const {stdout} = await runCommand(['config', 'get', 'region'])
    assert.equal(stdout.trim(), 'eu')
  })

  it('get names where the value in force comes from, on stderr: the environment over the profile', async () => {
    await runCommand(['config', 'set', 'region', 'eu'])
    process.env.CTX_REGION = 'jp'
    const {stdout, stderr} = await runCommand(['config', 'get', 'region'])
    assert.equal(stdout.trim(), 'jp')
    assert.match(stderr, /^from env CTX_REGION \(profile has eu\)$/m)
  })

  it('list shows each value in force with its source, a flag above all', async () => {
    await runCommand(['config', 'set', 'api-url', 'http://127.0.0.1:4780'])
    await runCommand(['config', 'set', 'customer-id', 'acme'])
    const {stdout} = await runCommand(['config', 'list', '--api-url', 'https://api.example'])
    assert.match(stdout, /Setting .* Value .* Source/)
    assert.match(
      stdout,
      /api-url .* https:\/\/api\.example .* flag --api-url \(profile has http:\/\/127\.0\.0\.1:4780\)/,
    )
    assert.match(stdout, /customer-id .* acme .* profile /)
    assert.match(stdout, /license-view .* enterprise .* default /)
  })

  it('set works on the profile named by --profile', async () => {
    await runCommand(['config', 'set', 'api-url', 'http://127.0.0.1:4780', '--profile', 'lab'])
    assert.equal(ConfigStore.open().profile('lab')?.['api-url'], 'http://127.0.0.1:4780')
  })

  it('--sandbox means the sandbox profile: set, get and auth logout act on it, not on default', async () => {
    assert.equal((await runCommand(['config', 'set', 'region', 'eu', '--sandbox'])).error, undefined)
    assert.equal(ConfigStore.open().profile('sandbox')?.region, 'eu')
    assert.equal(ConfigStore.open().profile('default'), undefined)
    assert.equal((await runCommand(['config', 'get', 'region', '--sandbox'])).stdout.trim(), 'eu')
    const {stdout} = await runCommand(['auth', 'logout', '--sandbox', '--json'])
    assert.equal((JSON.parse(stdout) as {profile: string}).profile, 'sandbox')
  })

  it('set exits 2 on a value that is not allowed, listing those that are', async () => {
    const {error, stderr} = await runCommand(['config', 'set', 'region', 'mars'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /Use one of: us, eu, ap-s, jp/)
  })

  it('set exits 2 on the client secret and points to ctx auth login', async () => {
    const {error, stderr} = await runCommand(['config', 'set', 'client-secret', 'top-secret-value'])
    assert.equal(error?.oclif?.exit, 2)
    assert.match(stderr, /ctx auth login/)
    assert.doesNotMatch(stderr, /top-secret-value/)
  })

  it('get exits 2 on an unknown setting', async () => {
    const {error} = await runCommand(['config', 'get', 'colour'])
    assert.equal(error?.oclif?.exit, 2)
  })

  it('get of an unset setting says so on stderr and prints nothing', async () => {
    const {stdout, stderr} = await runCommand(['config', 'get', 'region'])
    assert.equal(stdout, '')
    assert.match(stderr, /region is not set in profile "default"/)
  })

  it('get and list mask the secret, in a table and in JSON', async () => {
    await saveSecret(ConfigStore.open(), 'default', 'client-secret', 'top-secret-value')
    const get = await runCommand(['config', 'get', 'client-secret'])
    assert.equal(get.stdout.trim(), '******** (file)')
    const list = await runCommand(['config', 'list'])
    const json = await runCommand(['config', 'list', '--json'])
    assert.match(list.stdout, /client-secret.*\*{8} \(file\)/)
    assert.doesNotMatch(list.stdout + json.stdout, /top-secret-value/)
  })

  it('list --json gives every setting of the profile', async () => {
    await runCommand(['config', 'set', 'region', 'jp'])
    const {stdout} = await runCommand(['config', 'list', '--json'])
    const {settings, profiles} = JSON.parse(stdout) as {
      settings: Array<{key: string; value: string | null}>
      profiles: string[]
    }
    assert.deepEqual(profiles, ['default'])
    assert.equal(settings.find((s) => s.key === 'region')?.value, 'jp')
  })

  it('unset removes the setting', async () => {
    await runCommand(['config', 'set', 'region', 'eu'])
    const {stderr} = await runCommand(['config', 'unset', 'region'])
    assert.match(stderr, /Removed region/)
    assert.equal(ConfigStore.open().profile('default')?.region, undefined)
  })
})
