import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {chmodSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {configNotWritable} from '../../../src/config/config-lock.js'
import {ConfigStore} from '../../../src/config/store.js'
import {ConfigError, ExitCode, LocalIoError} from '../../../src/errors.js'
import {useTempConfig} from '../../helpers/env.js'
import {tmpfsOrSkip} from '../../helpers/tmpfs.js'

const isConfigError = (pattern: RegExp) => (error: ConfigError) =>
  error.exitCode === ExitCode.config && pattern.test(error.message)
const isLocalIoError = (pattern: RegExp) => (error: LocalIoError) =>
  error.exitCode === ExitCode.localIo && pattern.test(error.message)

const writerFile = fileURLToPath(new URL('../../helpers/config-writer.ts', import.meta.url))

/** Starts a process that will change `profile` `changes` times with its own store on `dir`, once told to go. */
async function startWriter(dir: string, profile: string, changes: number): Promise<{go: () => Promise<void>}> {
  const child = spawn(process.execPath, ['--import', 'tsx', writerFile, dir, profile, String(changes)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit') as Promise<[number | null]>
  await once(child.stdout, 'data')
  return {
    async go() {
      child.stdin.write('go\n')
      const [code] = await exited
      assert.equal(code, 0, `writer of ${profile} exited ${code}`)
    },
  }
}

describe('ConfigStore', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  it('keeps every change of two stores on the same folder changing different profiles at once', async () => {
    const changes = 60
    const writers = await Promise.all([startWriter(temp.dir, 'one', changes), startWriter(temp.dir, 'two', changes)])
    await Promise.all(writers.map((writer) => writer.go()))
    const store = ConfigStore.open(temp.dir)
    for (const profile of ['one', 'two']) {
      const kept = Object.keys(store.profile(profile) ?? {}).length
      assert.equal(kept, changes, `profile ${profile} kept ${kept} of ${changes} changes`)
    }
  })

  it('merges into the profile as it is on disk, not as it was when the store was opened', async () => {
    const first = ConfigStore.open(temp.dir)
    const second = ConfigStore.open(temp.dir)
    await first.updateProfile('one', {region: 'eu'})
    await second.updateProfile('two', {region: 'us'})
    await second.updateProfile('one', (current) => ({output: current?.region === 'eu' ? 'json' : 'missed'}))
    assert.deepEqual(ConfigStore.open(temp.dir).profile('one'), {region: 'eu', output: 'json'})
    assert.deepEqual(ConfigStore.open(temp.dir).profile('two'), {region: 'us'})
  })

  it('never writes the file just by opening it', () => {
    ConfigStore.open(temp.dir).profileNames()
    assert.throws(() => readFileSync(join(temp.dir, 'config.json')), {code: 'ENOENT'})
  })

  it('takes over the lock a killed ctx left behind', async () => {
    const lock = join(temp.dir, 'config.json.lock')
    mkdirSync(lock)
    const minuteAgo = new Date(Date.now() - 60_000)
    utimesSync(lock, minuteAgo, minuteAgo)
    await ConfigStore.open(temp.dir, {waitMs: 3000, staleMs: 2000}).updateProfile('one', {region: 'eu'})
    assert.equal(ConfigStore.open(temp.dir).profile('one')?.region, 'eu')
  })

  it('gives up with exit 3, saving nothing, when another ctx holds the lock too long', async () => {
    const path = join(temp.dir, 'config.json')
    writeFileSync(path, '{"profiles": {}}')
    mkdirSync(`${path}.lock`)
    const store = ConfigStore.open(temp.dir, {waitMs: 200, staleMs: 60_000})
    await assert.rejects(() => store.updateProfile('one', {region: 'eu'}), isConfigError(/locked .*nothing was saved/))
    assert.equal(readFileSync(path, 'utf8'), '{"profiles": {}}')
  })

  it('leaves a config file damaged by another program meanwhile untouched (exit 3)', async () => {
    const path = join(temp.dir, 'config.json')
    const store = ConfigStore.open(temp.dir)
    writeFileSync(path, '{"profiles": [')
    await assert.rejects(() => store.updateProfile('one', {region: 'eu'}), isConfigError(/cannot be read/))
    assert.equal(readFileSync(path, 'utf8'), '{"profiles": [')
  })

  it('refuses a change in a read-only config folder with exit 11, leaving the file as it was', async function () {
    if (process.platform === 'win32') this.skip()
    if (process.getuid?.() === 0) {
      // root writes through file modes: a read-only mount stops it.
      const fs = tmpfsOrSkip(this)
      try {
        writeFileSync(join(fs.dir, 'config.json'), '{"profiles": {}}')
        fs.readOnly()
        await assert.rejects(
          () => ConfigStore.open(fs.dir).updateProfile('one', {region: 'eu'}),
          isLocalIoError(/cannot be written: read-only file system \(EROFS\)/),
        )
        assert.equal(readFileSync(join(fs.dir, 'config.json'), 'utf8'), '{"profiles": {}}')
      } finally {
        fs.unmount()
      }
      return
    }
    const path = join(temp.dir, 'config.json')
    writeFileSync(path, '{"profiles": {}}')
    chmodSync(temp.dir, 0o500)
    try {
      await assert.rejects(
        () => ConfigStore.open(temp.dir).updateProfile('one', {region: 'eu'}),
        isLocalIoError(/cannot be written/),
      )
    } finally {
      chmodSync(temp.dir, 0o700)
    }
    assert.equal(readFileSync(path, 'utf8'), '{"profiles": {}}')
  })

  it('turns a folder that cannot be written into exit 11 (local I/O) with the path, and keeps other failures as they are', () => {
    const path = join(temp.dir, 'config.json')
    const readOnly = Object.assign(new Error('EROFS: read-only file system'), {code: 'EROFS'})
    const mapped = configNotWritable(path, readOnly) as LocalIoError
    assert.ok(isLocalIoError(/cannot be written: read-only file system \(EROFS\); nothing was saved/)(mapped))
    assert.ok(mapped.message.includes(path))
    const other = new Error('something else')
    assert.equal(configNotWritable(path, other), other)
  })

  it('makes the config folder 0700: it holds the secret when no keychain answers', async function () {
    if (process.platform === 'win32') this.skip()
    const dir = join(temp.dir, 'new', 'ctx')
    const umask = process.umask(0o022)
    try {
      await ConfigStore.open(dir).updateProfile('one', {region: 'eu'})
    } finally {
      process.umask(umask)
    }
    assert.equal(statSync(dir).mode & 0o777, 0o700)
    assert.equal(statSync(join(dir, 'config.json')).mode & 0o777, 0o600)
  })

  it('reads a config folder that cannot be made as empty, and refuses a change with exit 11', async () => {
    const blocked = join(temp.dir, 'a-file')
    writeFileSync(blocked, '')
    const store = ConfigStore.open(join(blocked, 'ctx'))
    assert.deepEqual(store.profileNames(), [])
    await assert.rejects(
      () => store.updateProfile('one', {region: 'eu'}),
      isLocalIoError(/cannot be written.*nothing was saved/),
    )
  })
})

describe('ConfigStore: a config file of the wrong shape', () => {
  let temp: ReturnType<typeof useTempConfig>
  beforeEach(() => (temp = useTempConfig()))
  afterEach(() => temp.restore())

  const wrongShapes: Array<[string, RegExp]> = [
    ['[]', /it holds an array, not an object/],
    ['null', /it holds null, not an object/],
    ['42', /it holds a number, not an object/],
    ['"hello"', /it holds a string, not an object/],
    ['true', /it holds a boolean, not an object/],
    ['{"profiles": []}', /"profiles" is an array, not an object/],
    ['{"profiles": "default"}', /"profiles" is a string, not an object/],
    ['{"profiles": {"default": "x"}}', /the profile "default" is a string, not an object/],
    ['{"profiles": {"default": {"region": "eu"}, "lab": null}}', /the profile "lab" is null, not an object/],
    ['{"profiles": {"default": [1]}}', /the profile "default" is an array, not an object/],
  ]
  for (const [text, reason] of wrongShapes) {
    it(`refuses ${text} with exit 3 naming the file and why, leaving it byte for byte`, () => {
      const path = join(temp.dir, 'config.json')
      writeFileSync(path, text)
      assert.throws(
        () => ConfigStore.open(temp.dir),
        (error: ConfigError) => {
          assert.equal(error.exitCode, ExitCode.config)
          assert.ok(error.message.includes(path), error.message)
          assert.match(error.message, reason)
          return true
        },
      )
      assert.equal(readFileSync(path, 'utf8'), text)
    })
  }

  it('refuses a change once another program gave the file the wrong shape, leaving it byte for byte', async () => {
    const path = join(temp.dir, 'config.json')
    const store = ConfigStore.open(temp.dir)
    writeFileSync(path, '[]')
    await assert.rejects(() => store.updateProfile('one', {region: 'eu'}), isConfigError(/it holds an array/))
    assert.equal(readFileSync(path, 'utf8'), '[]')
  })

  it('takes an object of object profiles, and a file with no profiles yet', () => {
    writeFileSync(
      join(temp.dir, 'config.json'),
      '{"profiles": {"default": {"region": "eu", "pins": {"h": {"fingerprint": "x"}}}}}',
    )
    assert.deepEqual(ConfigStore.open(temp.dir).profileNames(), ['default'])
    writeFileSync(join(temp.dir, 'config.json'), '{}')
    assert.deepEqual(ConfigStore.open(temp.dir).profileNames(), [])
  })
})
