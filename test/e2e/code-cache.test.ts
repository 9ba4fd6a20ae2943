import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, it} from 'mocha'

import {runBin} from '../helpers/run-bin.js'

describe('e2e: the code cache of bin/run.js', () => {
  let cache: string
  beforeEach(() => (cache = mkdtempSync(join(tmpdir(), 'ctx-e2e-cache-'))))
  afterEach(() => rmSync(cache, {recursive: true, force: true}))

  it('is written by the first command, used by the next ones, and not by --version', async () => {
    const env = {CTX_CACHE_DIR: cache}
    const version = await runBin(['--version'], {env})
    assert.equal(version.code, 0)
    assert.deepEqual(readdirSync(cache), [], '--version runs no bundle')

    const first = await runBin(['--help'], {env})
    assert.equal(first.code, 0, first.stderr)
    const [name, ...others] = readdirSync(join(cache, 'code'))
    assert.deepEqual(others, [])
    assert.match(name ?? '', new RegExp(`^[0-9a-f]{16}-node${process.version}-${process.arch}\\.v8cache$`))
    const written = statSync(join(cache, 'code', name!))

    const second = await runBin(['config', 'list', '--help'], {env})
    assert.equal(second.code, 0, second.stderr)
    assert.equal(second.stdout.includes('USAGE'), true)
    assert.equal(statSync(join(cache, 'code', name!)).ino, written.ino, 'accepted, so not written again')
  })

  it('keeps the same output and exit code as a run without it', async () => {
    const args = ['product', 'list', '--sandbox', '--stale', 'nonsense']
    const without = await runBin(args, {env: {CTX_CODE_CACHE: 'off'}})
    await runBin(['--help'], {env: {CTX_CACHE_DIR: cache}})
    const withCache = await runBin(args, {env: {CTX_CACHE_DIR: cache}})
    assert.equal(without.code, 2)
    assert.deepEqual(
      {code: withCache.code, stdout: withCache.stdout, stderr: withCache.stderr},
      {code: without.code, stdout: without.stdout, stderr: without.stderr},
    )
  })
})
