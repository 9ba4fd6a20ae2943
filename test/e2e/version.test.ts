import assert from 'node:assert/strict'
import {fileURLToPath} from 'node:url'

import {Config} from '@oclif/core'
import {describe, it} from 'mocha'

import {runBin} from '../helpers/run-bin.js'

describe('e2e: ctx --version', () => {
  it('prints the same line as oclif would, without loading oclif', async () => {
    const config = await Config.load({root: fileURLToPath(new URL('../..', import.meta.url))})
    const result = await runBin(['--version'])
    assert.equal(result.code, 0)
    assert.equal(result.stdout, `${config.userAgent}\n`)
  })
})
