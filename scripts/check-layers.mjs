// Checks the layering of src/ (docs/conventions.md): no import circle, and no import from a lower layer
// to a higher one. Reads every import (static, type-only, `export … from`, dynamic `import()`) with
// TypeScript's own pre-processor. Run by `npm run lint`; prints what it found and exits 1 on a break.
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

import ts from 'typescript'

const src = fileURLToPath(new URL('../src', import.meta.url))

// Layers, highest first: a file may import its own layer and those below it.
const rank = {
  commands: 7,
  cli: 6,
  services: 5,
  sandbox: 4,
  output: 4,
  citrix: 3,
  config: 2,
  http: 1,
  util: 0,
  '(root)': 0,
}
// Inside the sandbox: appliance → cloud → http → state; start.ts and embedded.ts put them together.
const sandboxRank = {
  'start.ts': 5,
  'embedded.ts': 5,
  appliance: 4,
  cloud: 3,
  http: 2,
  state: 1,
  'registry.ts': 0,
  'constants.ts': 0,
}

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : []
  })
const rel = (file) => relative(src, file)
const layerOf = (file) => (rel(file).includes('/') ? rel(file).split('/')[0] : '(root)')

function importsOf(file) {
  const {importedFiles} = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
}

const files = walk(src)
const graph = new Map(files.map((file) => [file, importsOf(file)]))
const problems = []

for (const [from, targets] of graph) {
  for (const target of targets) {
    if (!graph.has(target)) problems.push(`unresolved: ${rel(from)} → ${rel(target)}`)
    const [a, b] = [layerOf(from), layerOf(target)]
    if (rank[a] === undefined || rank[b] === undefined)
      problems.push(`no layer for ${rel(from)} or ${rel(target)}: add it to scripts/check-layers.mjs`)
    else if (a !== b && rank[b] > rank[a]) problems.push(`upward (${a} → ${b}): ${rel(from)} → ${rel(target)}`)
    if (a === 'sandbox' && b === 'sandbox') {
      const [pa, pb] = [rel(from).split('/')[1], rel(target).split('/')[1]]
      if (pa !== pb && sandboxRank[pb] > sandboxRank[pa])
        problems.push(`upward in the sandbox (${pa} → ${pb}): ${rel(from)} → ${rel(target)}`)
    }
  }
}

// Depth-first search: an import of a file still on the path closes a circle.
const state = new Map()
const path = []
function visit(file) {
  state.set(file, 'open')
  path.push(file)
  for (const target of graph.get(file) ?? []) {
    if (state.get(target) === 'open')
      problems.push(`circle: ${[...path.slice(path.indexOf(target)), target].map(rel).join(' → ')}`)
    else if (!state.has(target) && graph.has(target)) visit(target)
  }
  path.pop()
  state.set(file, 'done')
}
for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file)

const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0)
console.log(`layers: ${files.length} files of src/, ${edges} imports, ${problems.length} problem(s)`)
for (const problem of problems) console.log(`  ${problem}`)
process.exitCode = problems.length > 0 ? 1 : 0
