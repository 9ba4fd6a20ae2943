// Stands in for @oclif/core's lib/module-loader.js inside the bundle (see scripts/bundle/cli-bundle.mjs).
// oclif's own loader require()s or import()s files from disk; the bundle has none of them (and the
// executable no disk). Every module oclif asks for (the command list, the help class, the not-found hook)
// is in the bundle instead, registered by scripts/bundle/entry.mjs under its path relative to the root in the bundled package.json.
const {relative, sep} = require('node:path')

const registryKey = Symbol.for('ctx.sea.modules')

async function find(root, modulePath) {
  const key = relative(root, modulePath).split(sep).join('/')
  const loader = globalThis[registryKey]?.[key]
  if (!loader) {
    const error = new Error(`${key} is not in ctx's bundle`)
    error.code = 'MODULE_NOT_FOUND'
    throw error
  }
  return loader()
}

async function load(config, modulePath) {
  return find(config.root, modulePath)
}

async function loadWithData(config, modulePath) {
  return {filePath: modulePath, isESM: true, module: await find(config.root, modulePath)}
}

async function loadWithDataFromManifest(cached) {
  // Only the `pattern` strategy reads commands by the paths in a manifest; the bundle's is `explicit`.
  throw new Error(`command ${cached.id} cannot be loaded by path from ctx's bundle`)
}

function isPathModule() {
  return false
}

module.exports = {load, loadWithData, loadWithDataFromManifest, isPathModule}
