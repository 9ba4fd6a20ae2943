#!/usr/bin/env node
// `ctx --version` is answered before oclif loads (about half the start-up time goes to importing
// it); the text is oclif's own user agent, so both paths print the same line.
if (process.argv.length === 3 && process.argv[2] === '--version') {
  const {readFileSync} = await import('node:fs')
  const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`ctx/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // Loading @oclif/core checks the Node version against oclif's own engines with semver (47 modules,
  // a tenth of `ctx --help`); ctx's engines are narrower than oclif's, and npm checks them at install.
  process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1'
  // The whole CLI in one script, compiled from V8's code cache when it has one (src/cli/code-cache.ts);
  // it runs oclif's `execute`, but never ends while output is pending (src/cli/run.ts).
  const [{runBundle}, {fileURLToPath}] = await Promise.all([import('../dist/cli/code-cache.js'), import('node:url')])
  runBundle(fileURLToPath(new URL('../dist/bundle/ctx.cjs', import.meta.url)))
}
