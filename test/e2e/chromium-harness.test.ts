import assert from 'node:assert/strict'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {after, before, describe, it} from 'mocha'

import {contentSecurityPolicy} from '../../src/output/report/license-report.js'
import {dumpDom, findChromium} from '../helpers/chromium.js'

// The browser tests are only worth something if their network check can fail: these pages do load things.
const externalImages = '<img src="http://example.test/pixel.png"><img src="https://secure.example.test/pixel.png">'

describe('the headless Chromium harness', () => {
  let dir: string
  before(() => {
    findChromium()
    dir = mkdtempSync(join(tmpdir(), 'ctx-harness-'))
  })
  after(() => rmSync(dir, {recursive: true, force: true}))

  it('sees every request a page makes, over http and https, and lets none reach the network', async () => {
    const page = join(dir, 'leaky.html')
    writeFileSync(page, `<!doctype html><html><body>${externalImages}</body></html>`)
    const run = await dumpDom(page)
    assert.deepEqual(run.pageRequests.sort(), [
      'GET http://example.test/pixel.png',
      'GET https://secure.example.test/pixel.png',
    ])
    assert.ok(run.proxied.includes('GET http://example.test/pixel.png'))
    assert.ok(run.proxied.includes('CONNECT secure.example.test:443'))
  })

  it('sees no request from a page whose content security policy is the report’s', async () => {
    const page = join(dir, 'guarded.html')
    writeFileSync(
      page,
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"></head><body>${externalImages}</body></html>`,
    )
    assert.deepEqual((await dumpDom(page)).pageRequests, [])
  })

  it('fails naming the install command when there is no chromium', () => {
    assert.throws(
      () => findChromium(['/nonexistent/chromium']),
      /Chromium not found \(looked for \/nonexistent\/chromium\).*apt-get install -y chromium/,
    )
  })
})
