import assert from 'node:assert/strict'
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'
import {startTestSandbox, type TestSandbox} from '../helpers/sandbox.js'

describe('e2e: license models against the sandbox (observed cloudlicense calls)', () => {
  let temp: ReturnType<typeof useTempConfig>
  let userDevice: TestSandbox
  let concurrent: TestSandbox
  before(async () => {
    temp = useTempConfig()
    userDevice = await startTestSandbox()
    concurrent = await startTestSandbox({settings: {daasLicenseModel: 'concurrent'}})
  })
  after(async () => {
    await userDevice.stop()
    await concurrent.stop()
    temp.restore()
  })

  it('reads Endpoint Management from its observed cloudlicense path and says there is no user/device split', async () => {
    userDevice.log.clear()
    const result = await runBin(['license', 'summary', '--product', 'endpoint-management'], {env: userDevice.env})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /by users and devices: not reported/)
    const urls = userDevice.log.all().map((r) => r.url)
    assert.ok(
      urls.some((url) => url.endsWith('/cloudlicenseusages/products/xenmobile/current')),
      urls.join('\n'),
    )
    assert.ok(!urls.some((url) => url.includes('/xenmobile/ud/current')))
  })

  it('shows user/device for a user/device customer and says which model it shows', async () => {
    const result = await runBin(['license', 'summary', '--json'], {env: userDevice.env})
    assert.equal(result.code, 0, result.stderr)
    assert.equal((JSON.parse(result.stdout) as {summary: {licenseModel: string}}).summary.licenseModel, 'user-device')
  })

  it('falls back to concurrent for a concurrent-only customer, with the peaks', async () => {
    const result = await runBin(['license', 'summary'], {env: concurrent.env})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stderr, /Showing concurrent licenses/)
    assert.match(result.stdout, /Concurrent now\s+\d+ .* of \d+/)
    assert.match(result.stdout, /All-time peak\s+\d+/)
    const json = JSON.parse((await runBin(['license', 'summary', '--json'], {env: concurrent.env})).stdout) as {
      summary: {licenseModel: string; concurrent: {allTimePeak: {count: number}; monthPeak: {count: number}}}
    }
    assert.equal(json.summary.licenseModel, 'concurrent')
    assert.ok(json.summary.concurrent.allTimePeak.count >= json.summary.concurrent.monthPeak.count)
  })

  it('exits 6 for --license-model user-device on a concurrent-only customer', async () => {
    const result = await runBin(['license', 'summary', '--license-model', 'user-device'], {env: concurrent.env})
    assert.equal(result.code, 6)
    assert.match(result.stderr, /404/)
  })

  it('says plainly that history is per user/device for a concurrent-only customer (license history, exit 6)', async () => {
    const result = await runBin(['license', 'history', '--months', '3'], {env: concurrent.env})
    assert.equal(result.code, 6, result.stderr)
    assert.match(result.stderr, /licenses Citrix DaaS concurrently/)
    assert.match(result.stderr, /per user\/device/)
    assert.match(result.stderr, /ctx license summary/)
  })

  it('says the same for license export history, leaving no file behind', async () => {
    const out = join(temp.dir, 'ccu-history.csv')
    const result = await runBin(['license', 'export', 'history', '--months', '3', '--format', 'csv', '--out', out], {
      env: concurrent.env,
    })
    assert.equal(result.code, 6, result.stderr)
    assert.match(result.stderr, /licenses Citrix DaaS concurrently/)
    assert.ok(!existsSync(out))
  })

  it('writes the concurrent peaks into the HTML report', async () => {
    const out = join(temp.dir, 'ccu.html')
    const result = await runBin(['license', 'report', '--out', out, '--months', '3'], {env: concurrent.env})
    assert.equal(result.code, 0, result.stderr)
    const html = readFileSync(out, 'utf8')
    assert.match(html, /License usage — Citrix DaaS \(concurrent\)/)
    assert.match(html, /Peak this month/)
  })

  it('says in the HTML report that Endpoint Management has no user/device split', async () => {
    const out = join(temp.dir, 'em.html')
    const result = await runBin(
      ['license', 'report', '--out', out, '--months', '2', '--product', 'endpoint-management'],
      {env: userDevice.env},
    )
    assert.equal(result.code, 0, result.stderr)
    assert.match(readFileSync(out, 'utf8'), /not reported \(Citrix gives no user\/device split for this service\)/)
  })
})
