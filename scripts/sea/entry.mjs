// The entry of the single executable (scripts/package.mjs bundles it with esbuild into one CommonJS script).
// oclif normally finds its package.json, manifest, commands, help class and plugins on disk, next to
// bin/run.js; here they are all inside the bundle: the package.json and the manifest as data (written by
// scripts/package.mjs into .sea-build/), the modules through the registry that module-loader.cjs reads.
import {dirname} from 'node:path'

import {Plugin, settings} from '@oclif/core'

import manifest from '../../.sea-build/oclif.manifest.json'
import pjson from '../../.sea-build/package.json'
import {runCli} from '../../dist/cli/run.js'

globalThis[Symbol.for('ctx.sea.modules')] = {
  '.sea-build/commands.mjs': () => import('../../.sea-build/commands.mjs'),
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
  // Never look for TypeScript sources or a tsconfig.json beside the executable.
  settings.enableAutoTranspile = false
  const root = dirname(process.execPath)
  const plugin = new BundledPlugin({root, pjson, isRoot: true, type: 'core'})
  await plugin.load()
  // oclif takes a root folder or its options: given the plugins, it searches for none on disk.
  await runCli({dir: {root, pjson, plugins: new Map([[plugin.name, plugin]])}})
}

main().catch((error) => {
  process.stderr.write(`${error?.stack ?? error}\n`)
  process.exit(1)
})
