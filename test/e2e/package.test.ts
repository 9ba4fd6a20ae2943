import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, realpathSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

import {after, before, describe, it} from 'mocha'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const {version, devDependencies} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string
  devDependencies: Record<string, string>
}

// npm passes its own settings to the scripts it runs (`npm test`) as npm_config_* variables; a nested
// npm would take them for the user's. The cache stays: the dependencies come from it.
function npmEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) || /^npm_config_cache$/i.test(name)),
  )
  return {...env, NO_COLOR: '1'}
}

describe('e2e: the npm package', function () {
  // npm installs the dependencies from its cache (filled by `npm ci`): 10-40 s on this machine.
  this.timeout(240_000)
  let temp: string
  let prefix: string
  let tarball: string
  let files: string[]

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'ctx-package-'))
    prefix = join(temp, 'prefix')
    // The build is `npm test`'s (or `npm run build`'s): --ignore-scripts skips prepack's second one.
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], {
      cwd: root,
      env: npmEnv(),
    })
    const [info] = JSON.parse(packed.stdout) as Array<{filename: string; files: Array<{path: string}>}>
    assert.ok(info)
    tarball = join(temp, info.filename)
    files = info.files.map((file) => file.path)
    await run(
      'npm',
      [
        'install',
        '--global',
        tarball,
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel',
        'error',
      ],
      {cwd: temp, env: npmEnv()},
    )
  })

  after(() => rmSync(temp, {recursive: true, force: true}))

  it('holds only what ctx needs at run time', () => {
    assert.equal(tarball, join(temp, `ctx-${version}.tgz`))
    const outside = files.filter(
      (path) => !/^(dist\/.+\.c?js|bin\/run\.js|oclif\.manifest\.json|package\.json|README\.md|LICENSE)$/.test(path),
    )
    assert.deepEqual(outside, [])
    for (const needed of [
      'bin/run.js',
      'dist/bundle/ctx.cjs',
      'dist/cli/code-cache.js',
      'oclif.manifest.json',
      'README.md',
      'LICENSE',
    ])
      assert.ok(files.includes(needed), needed)
  })

  it('installs as a copy, with no link back into the checkout and no dev dependency', () => {
    const bin = realpathSync(join(prefix, 'bin', 'ctx'))
    assert.equal(bin, realpathSync(join(prefix, 'lib', 'node_modules', 'ctx', 'bin', 'run.js')))
    const installed = join(prefix, 'lib', 'node_modules', 'ctx')
    assert.ok(!existsSync(join(installed, 'src')), 'no sources')
    // @types/node comes along as a peer of @inquirer's packages: type packages aside, no dev dependency.
    for (const name of Object.keys(devDependencies).filter((name) => !name.startsWith('@types/'))) {
      assert.ok(!existsSync(join(installed, 'node_modules', name)), `dev dependency ${name} installed`)
    }
  })

  it('runs a real job against the sandbox from the installed copy', async () => {
    const config = join(temp, 'config')
    const env = {...npmEnv(), CTX_CONFIG_DIR: config, CTX_KEYCHAIN: 'off'}
    const {stdout} = await run(join(prefix, 'bin', 'ctx'), ['resource-location', 'list', '--sandbox', '--json'], {
      cwd: temp,
      env,
    })
    const {resourceLocations} = JSON.parse(stdout) as {resourceLocations: Array<{name: string}>}
    assert.ok(resourceLocations.some((location) => location.name === 'Headquarters'))
    const versionLine = await run(join(prefix, 'bin', 'ctx'), ['--version'], {cwd: temp, env})
    assert.equal(versionLine.stdout, `ctx/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
  })
})
