import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {saveSecret} from '../../../../src/config/secrets.js'
import {ConfigStore} from '../../../../src/config/store.js'
import {ExitCode, UsageError} from '../../../../src/errors.js'
import {getSetting} from '../../../../src/services/config/get.js'
import {listSettings} from '../../../../src/services/config/list.js'
import {setSetting} from '../../../../src/services/config/set.js'
import {unsetSetting} from '../../../../src/services/config/unset.js'
import {useTempConfig} from '../../../helpers/env.js'

const usage = (pattern: RegExp) => (error: UsageError) =>
  error.exitCode === ExitCode.usage && pattern.test(error.message)

describe('config services', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('saves a value from the allowed list', async () => {
    await setSetting(ConfigStore.open(), 'default', 'region', 'jp')
    assert.equal(getSetting(ConfigStore.open(), 'default', 'region').value, 'jp')
  })

  it('saves an allowed value given in another case in its canonical lower case', async () => {
    assert.equal((await setSetting(ConfigStore.open(), 'default', 'region', 'EU')).value, 'eu')
    assert.equal(getSetting(ConfigStore.open(), 'default', 'region').value, 'eu')
  })

  it('refuses a value outside the allowed list with exit 2', async () => {
    await assert.rejects(
      () => setSetting(ConfigStore.open(), 'default', 'region', 'mars'),
      usage(/"mars" is not a valid region/),
    )
  })

  it('refuses an unknown setting with exit 2', async () => {
    await assert.rejects(
      () => setSetting(ConfigStore.open(), 'default', 'colour', 'red'),
      usage(/Unknown setting "colour"/),
    )
  })

  it('refuses the client secret as a plain value and points to ctx auth login', async () => {
    await assert.rejects(
      () => setSetting(ConfigStore.open(), 'default', 'client-secret', 'x'),
      (error: UsageError) => error.exitCode === ExitCode.usage && /ctx auth login/.test(error.hint ?? ''),
    )
  })

  it('keeps only the origin of an api-url', async () => {
    assert.equal(
      (await setSetting(ConfigStore.open(), 'default', 'api-url', 'http://127.0.0.1:4780/some/path')).value,
      'http://127.0.0.1:4780',
    )
  })

  it('masks the secret in get and list', async () => {
    await saveSecret(ConfigStore.open(), 'default', 'client-secret', 'top-secret-value')
    assert.deepEqual(getSetting(ConfigStore.open(), 'default', 'client-secret'), {
      profile: 'default',
      key: 'client-secret',
      value: '********',
      source: 'profile',
      location: 'file',
    })
    assert.doesNotMatch(JSON.stringify(listSettings(ConfigStore.open(), 'default')), /top-secret-value/)
  })

  it('gives the value in force and its source: flag > environment > profile > default', async () => {
    await ConfigStore.open().updateProfile('default', {'api-url': 'https://profile.example', region: 'eu'})
    const env = {CTX_REGION: 'jp', CITRIX_CLIENT_ID: 'from-terraform'}
    const shown = (key: string) =>
      listSettings(ConfigStore.open(), 'default', {flags: {'api-url': 'https://flag.example'}, env}).settings.find(
        (s) => s.key === key,
      )
    assert.deepEqual(shown('api-url'), {
      key: 'api-url',
      value: 'https://flag.example',
      source: 'flag',
      from: '--api-url',
      profileValue: 'https://profile.example',
    })
    assert.deepEqual(shown('region'), {
      key: 'region',
      value: 'jp',
      source: 'env',
      from: 'CTX_REGION',
      profileValue: 'eu',
    })
    assert.deepEqual(shown('client-id'), {
      key: 'client-id',
      value: 'from-terraform',
      source: 'env',
      from: 'CITRIX_CLIENT_ID',
    })
    assert.deepEqual(shown('license-view'), {key: 'license-view', value: 'enterprise', source: 'default'})
    assert.deepEqual(shown('customer-id'), {key: 'customer-id', value: null, source: 'default'})
  })

  it('masks a secret from the environment, and names the variable', async () => {
    await saveSecret(ConfigStore.open(), 'default', 'client-secret', 'top-secret-value')
    const shown = getSetting(ConfigStore.open(), 'default', 'client-secret', {
      env: {CTX_CLIENT_SECRET: 'env-secret-value'},
    })
    assert.deepEqual(shown, {
      profile: 'default',
      key: 'client-secret',
      value: '********',
      source: 'env',
      from: 'CTX_CLIENT_SECRET',
      profileValue: '********',
    })
  })

  it('lists every known setting, unset ones as null', () => {
    const {settings} = listSettings(ConfigStore.open(), 'default')
    assert.ok(settings.some((s) => s.key === 'api-url' && s.value === null))
  })

  it('unset removes a plain value and a secret alike', async () => {
    const store = ConfigStore.open()
    await setSetting(store, 'default', 'region', 'eu')
    await saveSecret(store, 'default', 'client-secret', 'top-secret-value')
    assert.equal((await unsetSetting(store, 'default', 'region')).removed, true)
    assert.equal((await unsetSetting(store, 'default', 'client-secret')).removed, true)
    assert.deepEqual(ConfigStore.open().profile('default'), {})
  })

  it('unset of a setting that is not set says so', async () => {
    assert.equal((await unsetSetting(ConfigStore.open(), 'default', 'region')).removed, false)
  })
})
