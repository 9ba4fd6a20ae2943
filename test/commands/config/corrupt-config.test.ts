import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {runCommand} from '@oclif/test'

import {useTempConfig} from '../../helpers/env.js'

const corrupt = '{"profiles": {"default": {"region": "eu"'

describe('a corrupt config file', () => {
  let temp: ReturnType<typeof useTempConfig>
  let path: string
  beforeEach(() => {
    temp = useTempConfig()
    path = join(temp.dir, 'config.json')
    writeFileSync(path, corrupt, {mode: 0o600})
  })
  afterEach(() => temp.restore())

  for (const argv of [
    ['config', 'set', 'region', 'us'],
    ['config', 'unset', 'region'],
    ['config', 'list'],
    ['auth', 'login', '--customer-id', 'a', '--client-id', 'b', '--no-verify'],
    ['auth', 'logout'],
    ['resource-location', 'list'],
    ['product', 'list', '--sandbox'],
    ['config', 'list', '--sandbox'],
    ['sandbox', 'status'],
  ]) {
    it(`makes \`ctx ${argv.join(' ')}\` exit 3 with its path, leaving it byte for byte`, async () => {
      const {error, stderr} = await runCommand(argv)
      assert.equal(error?.oclif?.exit, 3)
      assert.ok(stderr.includes(path), stderr)
      assert.equal(readFileSync(path, 'utf8'), corrupt)
    })
  }
})

describe('a config file of the wrong shape', () => {
  let temp: ReturnType<typeof useTempConfig>
  afterEach(() => temp.restore())

  for (const text of ['[]', 'null', '42', '"hello"', '{"profiles": {"default": "x"}}', '{"profiles": []}']) {
    for (const argv of [
      ['config', 'list'],
      ['config', 'get', 'region'],
      ['config', 'set', 'region', 'us'],
      ['auth', 'status'],
    ]) {
      it(`${text}: makes \`ctx ${argv.slice(0, 2).join(' ')}\` exit 3 with its path, leaving it byte for byte`, async () => {
        temp = useTempConfig()
        const path = join(temp.dir, 'config.json')
        writeFileSync(path, text, {mode: 0o600})
        const {error, stderr} = await runCommand(argv)
        assert.equal(error?.oclif?.exit, 3, stderr)
        assert.ok(stderr.includes(path), stderr)
        assert.match(stderr, /not an object/)
        assert.equal(readFileSync(path, 'utf8'), text)
      })
    }
  }
})
