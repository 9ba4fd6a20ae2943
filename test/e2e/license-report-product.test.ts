import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'mocha'

import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

describe('e2e: ctx license report names the product it reports', () => {
  const suite = useSandboxSuite()

  it('says Citrix Secure Private Access, not Citrix DaaS, under the title of --product secure-private-access', async () => {
    const out = join(suite.temp.dir, 'spa.html')
    const result = await runBin(
      [
        'license',
        'report',
        '--view',
        'enterprise',
        '--product',
        'secure-private-access',
        '--months',
        '2',
        '--out',
        out,
      ],
      {env: suite.sandbox.env},
    )
    assert.equal(result.code, 0, result.stderr)
    const meta = /<p class="meta">([^<]*)/.exec(readFileSync(out, 'utf8'))?.[1] ?? ''
    assert.match(meta, /Enterprise — Citrix Secure Private Access user\/device licenses/)
    assert.doesNotMatch(meta, /DaaS/)
  })
})
