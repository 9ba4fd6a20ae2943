import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {pinCertificate} from '../../../src/config/appliance-pins.js'
import {ConfigStore} from '../../../src/config/store.js'
import {useTempConfig} from '../../helpers/env.js'

const pin = (fingerprint: string) => ({
  fingerprint,
  certificate: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----',
  trustedAt: '2026-11-01T12:00:00.000Z',
})

describe('ctx appliance pins | forget', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('pins lists host, fingerprint and when, never the certificate', async () => {
    await pinCertificate(ConfigStore.open(), 'default', '10.0.0.5:443', pin('sha256:AA'))
    await pinCertificate(ConfigStore.open(), 'default', 'ca-01.corp.example:8443', pin('sha256:BB'))
    const {stdout} = await runCommand(['appliance', 'pins', '--json'])
    assert.deepEqual(JSON.parse(stdout), {
      profile: 'default',
      pins: [
        {host: '10.0.0.5:443', fingerprint: 'sha256:AA', trustedAt: '2026-11-01T12:00:00.000Z'},
        {host: 'ca-01.corp.example:8443', fingerprint: 'sha256:BB', trustedAt: '2026-11-01T12:00:00.000Z'},
      ],
    })
  })

  it('pins shows when each was trusted in the time format of the other tables', async () => {
    await pinCertificate(ConfigStore.open(), 'default', '10.0.0.5:443', pin('sha256:AA'))
    const {stdout} = await runCommand(['appliance', 'pins'])
    assert.match(stdout, /Trusted at/)
    assert.match(stdout, /10\.0\.0\.5:443 .* sha256:AA .* 2026-11-01 \d\d:\d\d .*\(.+ ago\)/)
    assert.doesNotMatch(stdout, /2026-11-01T12:00:00\.000Z/)
  })

  it('pins says when there are none', async () => {
    const {stdout, stderr} = await runCommand(['appliance', 'pins'])
    assert.equal(stdout, '')
    assert.match(stderr, /No appliance certificate is pinned in profile "default"/)
  })

  it('forget takes a host without its port as :443, and keeps the other pins', async () => {
    await pinCertificate(ConfigStore.open(), 'default', '10.0.0.5:443', pin('sha256:AA'))
    await pinCertificate(ConfigStore.open(), 'default', '10.0.0.6:443', pin('sha256:CC'))
    const {stdout} = await runCommand(['appliance', 'forget', '--host', '10.0.0.5', '--json'])
    assert.deepEqual(JSON.parse(stdout), {profile: 'default', host: '10.0.0.5:443', forgotten: true})
    assert.deepEqual(Object.keys(ConfigStore.open().profile('default')?.appliances as object), ['10.0.0.6:443'])
  })

  it('forget acts on the --profile given', async () => {
    await pinCertificate(ConfigStore.open(), 'lab', '10.0.0.5:443', pin('sha256:AA'))
    const {stdout} = await runCommand(['appliance', 'forget', '--host', '10.0.0.5', '--profile', 'lab', '--json'])
    assert.equal((JSON.parse(stdout) as {forgotten: boolean}).forgotten, true)
    assert.equal(ConfigStore.open().profile('lab')?.appliances, undefined)
  })

  it('forget exits 2 on an address that is not one', async () => {
    const {error} = await runCommand(['appliance', 'forget', '--host', 'http://x/y'])
    assert.equal(error?.oclif?.exit, 2)
  })
})
