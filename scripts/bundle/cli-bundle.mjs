// The whole CLI as one CommonJS script, made by esbuild from scripts/bundle/entry.mjs. Two kinds:
//   npm: dist/bundle/ctx.cjs, which bin/run.js runs with V8's code cache (src/cli/code-cache.ts); the
//        CommonJS packages that only some commands load (exceljs, selfsigned, @inquirer/prompts) and the
//        keychain's native module stay outside, required from node_modules when a command needs them.
//   sea: .sea-build/ctx.cjs for scripts/package.mjs's standalone executables: everything inside, the
//        keychain replaced by keyring.cjs (a SEA cannot load a native module).
// oclif normally finds its commands, manifest and plugins on disk; both kinds carry them instead (entry.mjs).
import {mkdir, readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

import {Plugin} from '@oclif/core'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('../..', import.meta.url))
const here = join(root, 'scripts', 'bundle')
/** What entry.mjs imports, written at each bundling: the command list, package.json and manifest as oclif sees them. */
const inputs = join(root, '.bundle-build')

const kinds = {
  npm: {
    outfile: join(root, 'dist', 'bundle', 'ctx.cjs'),
    // CommonJS packages needed by a few commands only: outside, they cost nothing to the others' start-up.
    external: ['@napi-rs/keyring', 'exceljs', 'selfsigned', '@inquirer/prompts'],
  },
  sea: {
    outfile: join(root, '.sea-build', 'ctx.cjs'),
    external: [],
  },
}

async function filesUnder(dir) {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
}

/** Command id of a command file, as oclif's `pattern` discovery names it: `sandbox/start.js` → `sandbox:start`. */
function commandId(commandsDir, file) {
  const parts = relative(commandsDir, file).replace(/\.js$/, '').split(/[\\/]/)
  if (parts.at(-1) === 'index') parts.pop()
  return parts.join(':')
}

/**
 * Lists every command for oclif's `explicit` discovery (the only one that works without a folder of files):
 * ctx's own, and those of @oclif/plugin-autocomplete, which in the bundle is no separate plugin. For the
 * bundle, each is a getter around require(), which esbuild keeps lazy: a command's modules load only when
 * it runs. Node itself (making the manifest) has no require() in an ES module: static imports then.
 */
async function writeCommandList({lazy}) {
  const sources = [
    join(root, 'dist', 'commands'),
    join(root, 'node_modules', '@oclif', 'plugin-autocomplete', 'lib', 'commands'),
  ]
  const imports = []
  const entries = []
  for (const dir of sources) {
    for (const file of (await filesUnder(dir)).sort()) {
      const id = JSON.stringify(commandId(dir, file))
      const path = JSON.stringify(relative(inputs, file).split('\\').join('/'))
      const name = `command${entries.length}`
      if (!lazy) imports.push(`import ${name} from ${path}\n`)
      entries.push(lazy ? `  get ${id}() {\n    return require(${path}).default\n  },` : `  ${id}: ${name},`)
    }
  }
  await writeFile(
    join(inputs, 'commands.mjs'),
    `// Written by scripts/bundle/cli-bundle.mjs.\n${imports.join('')}export default {\n${entries.join('\n')}\n}\n`,
  )
}

/** ctx's package.json as the bundle's oclif sees it: the bundled command list, hooks and no plugins. */
function bundledPackageJson(pkg) {
  const {plugins: _plugins, ...oclif} = pkg.oclif
  return {
    name: pkg.name,
    version: pkg.version,
    description: pkg.description,
    license: pkg.license,
    type: pkg.type,
    oclif: {
      ...oclif,
      commands: {strategy: 'explicit', target: './.bundle-build/commands.mjs', identifier: 'default'},
    },
  }
}

/** The manifest (every command's flags, summary, …) so that `ctx --help` loads no command. */
async function writeManifest(pjson) {
  const plugin = new Plugin({
    root,
    pjson: JSON.parse(JSON.stringify(pjson)),
    isRoot: true,
    type: 'core',
    ignoreManifest: true,
    errorOnManifestCreate: true,
  })
  await plugin.load()
  const expected = Object.keys(JSON.parse(await readFile(join(root, 'oclif.manifest.json'), 'utf8')).commands)
  const missing = expected.filter((id) => !plugin.manifest.commands[id])
  if (missing.length > 0) throw new Error(`The bundled command list lacks ${missing.join(', ')}`)
  await writeFile(join(inputs, 'oclif.manifest.json'), JSON.stringify(plugin.manifest))
  return Object.keys(plugin.manifest.commands).length
}

/**
 * Writes the bundle of a kind ('npm' or 'sea') after `npm run build` (dist/ and oclif.manifest.json) and
 * returns its path, size and number of commands.
 */
export async function bundleCli(kind) {
  const {outfile, external} = kinds[kind]
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
  await mkdir(inputs, {recursive: true})
  const pjson = bundledPackageJson(pkg)
  await writeFile(join(inputs, 'package.json'), JSON.stringify(pjson, null, 2))
  await writeCommandList({lazy: false})
  const commands = await writeManifest(pjson)
  await writeCommandList({lazy: true})
  const substitutes = {
    name: 'ctx-substitutes',
    setup(b) {
      // oclif's module loader reads files from disk: the bundle's looks in the bundle instead.
      b.onLoad({filter: /[\\/]@oclif[\\/]core[\\/]lib[\\/]module-loader\.js$/}, async () => ({
        contents: await readFile(join(here, 'module-loader.cjs'), 'utf8'),
        loader: 'js',
        resolveDir: here,
      }))
      // The keychain's native module cannot load in a SEA: a stand-in that fails as "no keychain" would.
      if (kind === 'sea') b.onResolve({filter: /^@napi-rs\/keyring$/}, () => ({path: join(here, 'keyring.cjs')}))
    },
  }
  await esbuild
    .build({
      entryPoints: [join(here, 'entry.mjs')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: kind === 'sea' ? 'node22' : 'node20',
      // Whitespace and syntax only: names stay, for stack traces and `error.name`.
      minifyWhitespace: true,
      minifySyntax: true,
      legalComments: 'none',
      // ESM's import.meta.url has no CommonJS twin: the bundle's own path stands in for it (the executable's in
      // a SEA). dist/bundle/ctx.cjs is two folders below package.json, as dist/http/user-agent.js is.
      define: {'import.meta.url': '__ctxImportMetaUrl', __CTX_SEA__: String(kind === 'sea')},
      banner: {js: 'var __ctxImportMetaUrl = require("node:url").pathToFileURL(__filename).href;'},
      // import() of a package left outside becomes require(): the npm bundle runs as a vm.Script, which has
      // no loader for import() (and every package left outside is CommonJS).
      supported: {'dynamic-import': false},
      plugins: [substitutes],
      // oclif reads a tsconfig.json with TypeScript only to run TypeScript sources (entry.mjs turns that off).
      external: ['typescript', ...external],
      logLevel: 'warning',
      metafile: true,
    })
    .then((result) => writeFile(join(inputs, `meta-${kind}.json`), JSON.stringify(result.metafile)))
  return {outfile, size: (await stat(outfile)).size, commands}
}

// `node scripts/bundle/cli-bundle.mjs npm`: what `npm run build` runs last.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {outfile, size, commands} = await bundleCli(process.argv[2] ?? 'npm')
  console.log(`${relative(root, outfile)}: ${commands} commands, ${(size / 2 ** 20).toFixed(1)} MiB`)
}
