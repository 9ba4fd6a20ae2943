// Bundles got and its dependencies into dist/http/got.js, in place of tsc's one-line re-export
// (src/http/got.ts): one file loads in about half the time of got's seventy modules, which every
// command that calls Citrix Cloud loads before its first request. Run by `npm run build`, after tsc.
import {fileURLToPath} from 'node:url'

import esbuild from 'esbuild'

const file = fileURLToPath(new URL('../dist/http/got.js', import.meta.url))
await esbuild.build({
  entryPoints: [file],
  outfile: file,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // got's CommonJS dependencies (http2-wrapper, …) require Node's modules: an ES module has no `require`.
  banner: {
    js: "import {createRequire as __ctxCreateRequire} from 'node:module'; const require = __ctxCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
