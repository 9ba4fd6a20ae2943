import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {resolveLicenseView} from '../../../src/config/license-view.js'
import {ConfigStore} from '../../../src/config/store.js'
import {useTempConfig} from '../../helpers/env.js'

describe('resolveLicenseView', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('defaults to enterprise', () => {
    assert.equal(resolveLicenseView(undefined, {env: {}}), 'enterprise')
  })

  it('prefers the flag, then CTX_LICENSE_VIEW, then the profile key', async () => {
    await ConfigStore.open().updateProfile('ops', {'license-view': 'partner-daas'})
    assert.equal(resolveLicenseView(undefined, {profile: 'ops', env: {}}), 'partner-daas')
    assert.equal(
      resolveLicenseView(undefined, {profile: 'ops', env: {CTX_LICENSE_VIEW: 'partner-onprem'}}),
      'partner-onprem',
    )
    assert.equal(
      resolveLicenseView('enterprise', {profile: 'ops', env: {CTX_LICENSE_VIEW: 'partner-onprem'}}),
      'enterprise',
    )
  })

  it('refuses an unknown view with exit 2', () => {
    assert.throws(
      () => resolveLicenseView(undefined, {env: {CTX_LICENSE_VIEW: 'reseller'}}),
      (error: {exitCode: number}) => error.exitCode === 2,
    )
  })
})
