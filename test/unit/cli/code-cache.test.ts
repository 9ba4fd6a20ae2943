import assert from 'node:assert/strict'
import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {afterEach, beforeEach, describe, it} from 'mocha'

import {runProcess, type BinResult} from '../../helpers/run-bin.js'

// runBundle saves the cache when the process exits: each case runs it in a child process, as bin/run.js does.
const codeCache = fileURLToPath(new URL('../../../dist/cli/code-cache.js', import.meta.url))

/** A small CommonJS "bundle": it shows that it ran, with CommonJS's variables, and exits with a code. */
const bundleSource = (marker: string) => `
const {basename} = require('node:path')
function answer() { return 6 * 7 }
process.stdout.write(JSON.stringify({marker: ${JSON.stringify(marker)}, answer: answer(), file: basename(__filename), dir: basename(__dirname)}))
if (process.env.FLAGS) for (const flag of ['--semi-space-growth-factor=1', '--expose-gc']) require('node:v8').setFlagsFromString(flag)
process.exitCode = 3
`

function runBundleIn(bundle: string, env: Record<string, string>, shell?: string): Promise<BinResult> {
  const script = `import(${JSON.stringify(codeCache)}).then(({runBundle}) => runBundle(${JSON.stringify(bundle)}))`
  return shell
    ? runProcess('bash', ['-c', `${shell} && exec "$0" "$@"`, process.execPath, '-e', script], {env})
    : runProcess(process.execPath, ['-e', script], {env})
}

describe('code cache: runBundle', function () {
  this.timeout(30_000)
  let temp: string
  let bundle: string
  let env: Record<string, string>
  let cacheDir: string

  beforeEach(() => {
    temp = mkdtempSync(join(tmpdir(), 'ctx-code-cache-'))
    mkdirSync(join(temp, 'bundle'))
    bundle = join(temp, 'bundle', 'ctx.cjs')
    writeFileSync(bundle, bundleSource('first'))
    // As under CTX_CONFIG_DIR alone (test/unit/config/paths.test.ts), but test/setup.ts sets CTX_CACHE_DIR.
    env = {CTX_CACHE_DIR: join(temp, 'cache')}
    cacheDir = join(temp, 'cache', 'code')
  })
  afterEach(() => rmSync(temp, {recursive: true, force: true}))

  const expectedName = (source: string) =>
    `${createHash('sha256').update(source).digest('hex').slice(0, 16)}-node${process.version}-${process.arch}.v8cache`

  /** The run did what the bundle says: its output, its exit code, nothing on stderr. */
  function assertRan(run: BinResult, marker = 'first') {
    assert.equal(run.stderr, '')
    assert.equal(run.code, 3)
    assert.deepEqual(JSON.parse(run.stdout), {marker, answer: 42, file: 'ctx.cjs', dir: 'bundle'})
  }

  it('writes the cache at exit, named by the bundle and the Node, private to the user, and then uses it', async () => {
    assertRan(await runBundleIn(bundle, env))
    const name = expectedName(bundleSource('first'))
    assert.deepEqual(readdirSync(cacheDir), [name])
    const file = join(cacheDir, name)
    assert.equal(statSync(file).mode & 0o777, 0o600)
    assert.equal(statSync(cacheDir).mode & 0o777, 0o700)
    const written = statSync(file)
    assertRan(await runBundleIn(bundle, env))
    // An accepted cache is not written again (a rejected one would be, by a new file renamed into place).
    const after = statSync(file)
    assert.equal(after.ino, written.ino)
    assert.equal(after.mtimeMs, written.mtimeMs)
  })

  it('runs the bundle as before when the cache is garbage, and replaces it', async () => {
    mkdirSync(cacheDir, {recursive: true})
    const file = join(cacheDir, expectedName(bundleSource('first')))
    const garbage = Buffer.alloc(4096, 7)
    writeFileSync(file, garbage)
    assertRan(await runBundleIn(bundle, env))
    assert.notDeepEqual(readFileSync(file), garbage)
    const replaced = statSync(file)
    assertRan(await runBundleIn(bundle, env))
    assert.equal(statSync(file).ino, replaced.ino, 'the new cache is accepted')
  })

  it('never takes the cache of another bundle, and removes it once the new one is written', async () => {
    assertRan(await runBundleIn(bundle, env))
    // The same length, other code: V8 itself checks only the length of the source.
    writeFileSync(bundle, bundleSource('other'))
    assert.equal(bundleSource('other').length, bundleSource('first').length)
    assertRan(await runBundleIn(bundle, env), 'other')
    assert.deepEqual(readdirSync(cacheDir), [expectedName(bundleSource('other'))])
  })

  it('writes a cache that the next start accepts after the bundle changed V8 flags', async () => {
    assertRan(await runBundleIn(bundle, {...env, FLAGS: '1'}))
    const file = join(cacheDir, expectedName(bundleSource('first')))
    const written = statSync(file)
    assertRan(await runBundleIn(bundle, env))
    assert.equal(statSync(file).ino, written.ino)
  })

  it('reads and writes nothing with CTX_CODE_CACHE=off', async () => {
    assertRan(await runBundleIn(bundle, {...env, CTX_CODE_CACHE: 'off'}))
    assert.deepEqual(readdirSync(temp), ['bundle'])
  })

  it('runs, says nothing and keeps its exit code when the cache cannot be written', async () => {
    // The cache folder's place is taken by a file.
    mkdirSync(join(temp, 'cache'), {recursive: true})
    writeFileSync(cacheDir, 'not a folder')
    assertRan(await runBundleIn(bundle, env))
    assert.equal(readFileSync(cacheDir, 'utf8'), 'not a folder')
  })

  it('is not killed by SIGXFSZ when the cache outgrows the file size limit, after a module listened to it', async function () {
    if (process.platform === 'win32') this.skip()
    writeFileSync(
      bundle,
      `process.on('SIGXFSZ', () => {}); process.removeAllListeners('SIGXFSZ');\n${bundleSource('first')}`,
    )
    // 1 KiB: every V8 code cache is larger.
    const run = await runBundleIn(bundle, env, 'ulimit -f 1')
    assert.equal(run.signal, null)
    assert.equal(run.code, 3, run.stderr)
    assert.deepEqual(readdirSync(cacheDir), [], 'no partial file left')
  })

  it('leaves one whole cache when parallel starts all write it', async () => {
    const runs = await Promise.all(Array.from({length: 6}, () => runBundleIn(bundle, env)))
    for (const run of runs) assertRan(run)
    const name = expectedName(bundleSource('first'))
    assert.deepEqual(readdirSync(cacheDir), [name], 'no temporary file left')
    const written = statSync(join(cacheDir, name))
    assertRan(await runBundleIn(bundle, env))
    assert.equal(statSync(join(cacheDir, name)).ino, written.ino, 'the survivor is accepted')
  })
})
