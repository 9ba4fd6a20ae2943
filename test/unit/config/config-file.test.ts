import assert from 'node:assert/strict'
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {parseConfig, readProfiles} from '../../../src/config/config-file.js'
import {ConfigError, ExitCode} from '../../../src/errors.js'
import {useTempConfig} from '../../helpers/env.js'

/** Exit 3, the file's path and the reason in the message, and the hint that ctx leaves the file alone. */
const unreadable = (path: string, reason: RegExp) => (error: ConfigError) => {
  assert.ok(error instanceof ConfigError, String(error))
  assert.equal(error.exitCode, ExitCode.config)
  assert.ok(error.message.startsWith(`The config file ${path} cannot be read: `), error.message)
  assert.match(error.message, reason)
  assert.match(error.hint ?? '', /ctx leaves it untouched/)
  return true
}

describe('readProfiles (config.json without conf)', () => {
  let temp: ReturnType<typeof useTempConfig>
  let path: string
  beforeEach(() => {
    temp = useTempConfig()
    path = join(temp.dir, 'config.json')
  })
  afterEach(() => temp.restore())

  it('reads the profiles of the file', () => {
    writeFileSync(path, '{"profiles": {"default": {"region": "eu"}, "lab": {"appliances": {"h:443": {}}}}}')
    assert.deepEqual(readProfiles(path), {default: {region: 'eu'}, lab: {appliances: {'h:443': {}}}})
  })

  it('reads a missing file, and a file without profiles, as no profiles', () => {
    assert.deepEqual(readProfiles(path), {})
    writeFileSync(path, '{}')
    assert.deepEqual(readProfiles(path), {})
  })

  it('refuses a file that is not JSON with exit 3, leaving it byte for byte', () => {
    const text = '{"profiles": {"default": {"region": "eu"'
    writeFileSync(path, text)
    assert.throws(() => readProfiles(path), unreadable(path, /JSON/))
    assert.equal(readFileSync(path, 'utf8'), text)
  })

  const wrongShapes: Array<[string, RegExp]> = [
    ['[]', /it holds an array, not an object/],
    ['null', /it holds null, not an object/],
    ['"hello"', /it holds a string, not an object/],
    ['{"profiles": 3}', /"profiles" is a number, not an object/],
    ['{"profiles": {"default": {}, "lab": []}}', /the profile "lab" is an array, not an object/],
  ]
  for (const [text, reason] of wrongShapes) {
    it(`refuses ${text} with exit 3 saying why, leaving it byte for byte`, () => {
      writeFileSync(path, text)
      assert.throws(() => readProfiles(path), unreadable(path, reason))
      assert.equal(readFileSync(path, 'utf8'), text)
    })
  }

  it('refuses a config.json that is a folder with exit 3 and the reason', () => {
    mkdirSync(path)
    assert.throws(() => readProfiles(path), unreadable(path, /EISDIR/))
  })

  it('refuses a file it may not read with exit 3 and the reason', function () {
    // root reads through file modes.
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip()
    writeFileSync(path, '{}')
    chmodSync(path, 0o000)
    try {
      assert.throws(() => readProfiles(path), unreadable(path, /EACCES/))
    } finally {
      chmodSync(path, 0o600)
    }
  })

  it('gives conf the same check: parseConfig throws the reason of a wrong shape', () => {
    assert.deepEqual(parseConfig('{"profiles": {"a": {}}}'), {profiles: {a: {}}})
    assert.throws(() => parseConfig('{"profiles": {"a": 1}}'), /the profile "a" is a number, not an object/)
  })
})
