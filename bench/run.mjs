// `npm run bench`: every case, each run several times after a warm-up; medians, ratios measured in
// this same run, peak memory, and whether each target is met. Not a test: nothing here fails CI.
//   npm run bench            all cases (about 14 minutes on 2 cores)
//   npm run bench -- startup export bulk rate-limit     only some
import {execSync} from 'node:child_process'
import {cpus, totalmem} from 'node:os'

import {bulkRemoveCase} from './bulk-remove.mjs'
import {exportGroup} from './export.mjs'
import {rateLimitCase} from './rate-limit.mjs'
import {startupCase} from './startup.mjs'

const cases = {
  startup: () => startupCase({runs: 9}),
  export: () => exportGroup(),
  bulk: () => bulkRemoveCase({counts: [100, 1000], runs: 3, loopRuns: 1}),
  'rate-limit': () => rateLimitCase(),
}

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(cases)
const git = execSync('git rev-parse --short HEAD', {encoding: 'utf8'}).trim()
console.log(`ctx benchmarks — ${new Date().toISOString().slice(0, 16)}Z, commit ${git}`)
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}-${process.arch}\n`,
)

const targets = []
for (const name of chosen) {
  const started = Date.now()
  console.log(`${name}`)
  const result = await cases[name]()
  for (const line of result.lines) console.log(line)
  console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
  targets.push(...result.targets)
}
console.log('targets')
for (const t of targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'} ${t.name}: ${t.value}`)
