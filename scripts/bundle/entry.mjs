// The entry of the bundle (scripts/bundle/cli-bundle.mjs makes it one CommonJS script with esbuild), both
// dist/bundle/ctx.cjs, which bin/run.js runs, and the standalone executable's (__CTX_SEA__ set by esbuild).
// oclif normally finds its package.json, manifest, commands, help class and plugins on disk, next to
// bin/run.js; here they are all inside the bundle: the package.json and the manifest as data (written by
// cli-bundle.mjs into .bundle-build/), the modules through the registry that module-loader.cjs reads.
/* global __CTX_SEA__, __dirname -- esbuild's define, and CommonJS's: the bundle is a CommonJS script */
import {dirname, join} from 'node:path'

import {Plugin, settings} from '@oclif/core'

import manifest from '../../.bundle-build/oclif.manifest.json'
import pjson from '../../.bundle-build/package.json'
import {runCli} from '../../dist/cli/run.js'

globalThis[Symbol.for('ctx.sea.modules')] = {
  '.bundle-build/commands.mjs': () => import('../../.bundle-build/commands.mjs'),
  // Under the key of package.json's oclif.helpClass (./dist/cli/help-class.js): a moved help class fails the bundle.
  [pjson.oclif.helpClass.replace(/^\.\//, '')]: () => import('../../dist/cli/help-class.js'),
  // ctx's own not-found hook ("did you mean …?", exit 2), under its key in package.json's oclif.hooks.
  [pjson.oclif.hooks.command_not_found.replace(/^\.\//, '')]: () => import('../../dist/cli/hooks/command-not-found.js'),
}

/** The root plugin, described by the manifest made at build time rather than by a file beside it. */
class BundledPlugin extends Plugin {
  async _manifest() {
    this.commandIDs = Object.keys(manifest.commands)
    this.hasManifest = true
    return manifest
  }
}

// Node does not warn about `new Buffer()` called from node_modules (exceljs's archiver does it); in the
// bundle every module looks like ctx's own, so the warning would show on each xlsx export. Only that one
// is dropped: ctx's own code never calls Buffer() (the linter and Node's warning in the tests see to it).
const emitWarning = process.emitWarning
process.emitWarning = function (warning, ...rest) {
  const code = typeof rest[0] === 'object' ? rest[0]?.code : rest[1]
  if (code === 'DEP0005') return
  return emitWarning.call(this, warning, ...rest)
}

async function main() {
  // Never look for TypeScript sources or a tsconfig.json beside the bundle.
  settings.enableAutoTranspile = false
  // The package's folder (dist/bundle/ctx.cjs is two below it), or the executable's.
  const root = __CTX_SEA__ ? dirname(process.execPath) : join(__dirname, '..', '..')
  const plugin = new BundledPlugin({root, pjson, isRoot: true, type: 'core'})
  await plugin.load()
  // oclif takes a root folder or its options: given the plugins, it searches for none on disk.
  await runCli({dir: {root, pjson, plugins: new Map([[plugin.name, plugin]])}})
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`)
  process.exit(1)
})
