import assert from 'node:assert/strict'
import {readFileSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {useTempConfig} from '../helpers/env.js'
import {runBin} from '../helpers/run-bin.js'

describe('e2e: ctx config', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('saves a setting in a 0600 file and reads it back', async () => {
    assert.equal((await runBin(['config', 'set', 'region', 'ap-s'])).code, 0)
    const get = await runBin(['config', 'get', 'region'])
    assert.equal(get.stdout.trim(), 'ap-s')
    if (process.platform !== 'win32') assert.equal(statSync(join(temp.dir, 'config.json')).mode & 0o777, 0o600)
  })

  it('exits 3 with the path on a corrupt config file and leaves it byte for byte', async () => {
    const path = join(temp.dir, 'config.json')
    const corrupt = '{"profiles": ['
    writeFileSync(path, corrupt)
    for (const argv of [['config', 'set', 'region', 'eu'], ['resource-location', 'list'], ['doctor']]) {
      const result = await runBin(argv)
      assert.equal(result.code, 3, `${argv.join(' ')}: ${result.stderr}`)
      assert.ok(result.stderr.includes(path) || result.stdout.includes(path), result.stderr)
      assert.equal(readFileSync(path, 'utf8'), corrupt)
    }
  })
})
