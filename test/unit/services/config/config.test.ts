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

const usage = (pattern: RegExp) => (error: UsageError) => error.exitCode === ExitCode.usage && pattern.test(error.message)

describe('config services', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('saves a value from the allowed list', () => {
    setSetting(ConfigStore.open(), 'default', 'region', 'jp')
    assert.equal(getSetting(ConfigStore.open(), 'default', 'region').value, 'jp')
  })

  it('refuses a value outside the allowed list with exit 2', () => {
    assert.throws(() => setSetting(ConfigStore.open(), 'default', 'region', 'mars'), usage(/"mars" is not a valid region/))
  })

  it('refuses an unknown setting with exit 2', () => {
    assert.throws(() => setSetting(ConfigStore.open(), 'default', 'colour', 'red'), usage(/Unknown setting "colour"/))
  })

  it('refuses the client secret as a plain value and points to ctx auth login', () => {
    assert.throws(() => setSetting(ConfigStore.open(), 'default', 'client-secret', 'x'), (error: UsageError) => error.exitCode === ExitCode.usage && /ctx auth login/.test(error.hint ?? ''))
  })

  it('keeps only the origin of an api-url', () => {
    assert.equal(setSetting(ConfigStore.open(), 'default', 'api-url', 'http://127.0.0.1:4780/some/path').value, 'http://127.0.0.1:4780')
  })

  it('masks the secret in get and list', async () => {
    await saveSecret(ConfigStore.open(), 'default', 'client-secret', 'top-secret-value')
    assert.deepEqual(getSetting(ConfigStore.open(), 'default', 'client-secret'), {profile: 'default', key: 'client-secret', value: '********', location: 'file'})
    assert.doesNotMatch(JSON.stringify(listSettings(ConfigStore.open(), 'default')), /top-secret-value/)
  })

  it('lists every known setting, unset ones as null', () => {
    const {settings} = listSettings(ConfigStore.open(), 'default')
    assert.ok(settings.some((s) => s.key === 'api-url' && s.value === null))
  })

  it('unset removes a plain value and a secret alike', async () => {
    const store = ConfigStore.open()
    setSetting(store, 'default', 'region', 'eu')
    await saveSecret(store, 'default', 'client-secret', 'top-secret-value')
    assert.equal((await unsetSetting(store, 'default', 'region')).removed, true)
    assert.equal((await unsetSetting(store, 'default', 'client-secret')).removed, true)
    assert.deepEqual(ConfigStore.open().profile('default'), {})
  })

  it('unset of a setting that is not set says so', async () => {
    assert.equal((await unsetSetting(ConfigStore.open(), 'default', 'region')).removed, false)
  })
})
