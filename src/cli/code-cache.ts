import {createHash} from 'node:crypto'
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {Script} from 'node:vm'

import {cacheDir} from '../config/paths.js'
import {restoreDefaultV8Flags} from '../util/streaming-heap.js'

/**
 * Runs ctx's bundle (dist/bundle/ctx.cjs, one CommonJS script: scripts/bundle/cli-bundle.mjs) with V8's code
 * cache, which bin/run.js does for every command but `--version`. Compiling ctx's code and its packages at
 * each start was about a third of the time to a command's first request; with the cache V8 deserializes the
 * compiled functions instead. Node 22 has `module.enableCompileCache` for this, Node 20 does not, and a
 * vm.Script's cachedData works the same on every supported Node.
 *
 * The cache is written once, when a command ends, so that it holds the functions that command compiled
 * (those that another one needs are compiled as before). Its file is named by the bundle's SHA-256 and the
 * Node version: V8 checks its own version and flags, but only the length of the source, and would take the
 * cache of another bundle of the same length. A cache that is missing, unreadable or rejected is made
 * again; one that cannot be written is skipped, with nothing said (it only saves time).
 * `CTX_CODE_CACHE=off` runs the bundle with no cache read or written.
 */
export function runBundle(bundle: string, env: NodeJS.ProcessEnv = process.env): void {
  const source = readFileSync(bundle, 'utf8')
  const dir = env.CTX_CODE_CACHE === 'off' ? undefined : join(cacheDir(env), 'code')
  const cacheFile = dir && join(dir, cacheFileName(source))
  const cachedData = cacheFile ? readIfPresent(cacheFile) : undefined
  const script = new Script(wrap(source), {filename: bundle, cachedData})
  if (dir && cacheFile && (!cachedData || script.cachedDataRejected))
    process.once('exit', () => saveCache(script, dir, cacheFile))
  const module = {exports: {}}
  const main = script.runInThisContext() as (...args: unknown[]) => void
  main.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle))
}

/** The function around a CommonJS module, on the script's first line so that its line numbers stay. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n})`
}

const extension = '.v8cache'

/** `<bundle's SHA-256, 16 digits>-node<version>-<arch>.v8cache`: each Node keeps its own next to the others. */
function cacheFileName(source: string): string {
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16)
  return `${digest}${nodeSuffix()}`
}

function nodeSuffix(): string {
  return `-node${process.version}-${process.arch}${extension}`
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/**
 * Writes the cache beside a temporary name and renames it into place, so that a reader never sees half of
 * it and parallel commands each write a whole one; removes this Node's caches of other bundles (an upgrade
 * of ctx leaves one behind).
 */
function saveCache(script: Script, dir: string, file: string): void {
  const temporary = `${file}.${process.pid}.tmp`
  // A write past the file size limit (`ulimit -f`) raises SIGXFSZ, which kills once a module has listened
  // to it and stopped (signal-exit, under write-file-atomic, does): listening makes it an EFBIG error.
  process.on('SIGXFSZ', ignoreSignal)
  try {
    // V8 puts a hash of its flags in the cache: those of a start, not those a command changed.
    restoreDefaultV8Flags()
    mkdirSync(dir, {recursive: true, mode: 0o700})
    writeFileSync(temporary, script.createCachedData(), {mode: 0o600})
    renameSync(temporary, file)
    for (const name of readdirSync(dir))
      if (name.endsWith(nodeSuffix()) && join(dir, name) !== file) removeQuietly(join(dir, name))
  } catch {
    removeQuietly(temporary)
  } finally {
    process.removeListener('SIGXFSZ', ignoreSignal)
  }
}

function ignoreSignal(): void {}

function removeQuietly(file: string): void {
  try {
    rmSync(file, {force: true})
  } catch {
    // Another process's file, or a folder that is not ours to clean: the cache is only an aid.
  }
}
