import assert from 'node:assert/strict'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../helpers/env.js'

describe('ctx endpoints', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('prints the table for the jp region with no credentials and no call', async () => {
    process.env.CTX_REGION = 'jp'
    const {stdout, error} = await runCommand(['endpoints'])
    assert.equal(error, undefined)
    assert.match(stdout, /licenseCurrentUsage\s+│\s+GET\s+│\s+api\.citrixcloud\.jp/)
    assert.match(stdout, /cloudLicenseCurrentUsage\s+│\s+GET\s+│\s+cloudlicense\.citrixworkspacesapi\.net/)
  })

  it('gives the Gov table as JSON, saying which calls have no host there', async () => {
    process.env.CTX_REGION = 'gov'
    const {stdout} = await runCommand(['endpoints', '--json'])
    const table = JSON.parse(stdout) as {
      region: string
      endpoints: Array<{name: string; host: string | null; protocol: string}>
    }
    assert.equal(table.region, 'gov')
    assert.equal(table.endpoints.find((e) => e.name === 'licenseUsageData')?.host, null)
    assert.ok(table.endpoints.filter((e) => e.host && e.protocol !== 'appliance').every((e) => e.protocol === 'cws'))
  })
})
