// Rate limit: export of 50,000 users and bulk removal against a sandbox token bucket of 5, 10 and
// 20 requests a second, each with a burst of 10 and of 1, with nothing set by the user. Reported as
// a fraction of the ceiling (rate × page size rows/s for the export, rate removals/s for bulk)
// measured over the command's requests at the sandbox (first arrival to last, so that start-up, which
// depends on the CPU, is not counted; the wall-clock fraction is printed beside it), and the share
// of requests answered 429. Each case runs three times on a fresh sandbox (a full bucket) and reports
// the median fraction and the 429s of all runs. Target: at least 95% of the ceiling, at most 2% answered 429.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {csvIdChecksum} from './checksum.mjs'
import {median, runOnce} from './lib.mjs'
import {startBenchSandbox} from './sandbox-control.mjs'

const pageSize = 1000

function span(items) {
  const times = items.map((r) => Date.parse(r.at) + r.ms)
  const starts = items.map((r) => Date.parse(r.at))
  // Requests at the sandbox: from the first arrival to the last answer's arrival. A limit of r a
  // second admits burst + r·t requests in t; the ceiling is r, so the first request is not counted.
  return (Math.max(...starts) - Math.min(...starts)) / 1000 || Math.max(...times) - Math.min(...starts)
}

/** One run against a fresh sandbox (a full bucket): the fraction of the ceiling and the 429s. */
async function once({kind, perSecond, burst, headers, users, removals}) {
  const settings = kind === 'export' ? {sizes: {users}} : {sizes: {products: removals * 2}}
  const sandbox = await startBenchSandbox({
    settings,
    faults: {rateLimitPerSecond: perSecond, rateLimitBurst: burst, rateLimitHeaders: headers, retryAfterSeconds: 1},
  })
  try {
    const out = join(sandbox.dir, 'ctx.csv')
    let command = `node bin/run.js license export users --format csv --out ${out}`
    if (kind !== 'export') {
      // The ids are listed before the limit matters; then the bucket refills and the log is cleared,
      // so that only the removal (its own list call included) counts.
      const all = join(sandbox.dir, 'all.json')
      await runOnce(`node bin/run.js product list --json > ${all}`, {env: sandbox.env})
      const ids = JSON.parse(readFileSync(all, 'utf8'))
        .products.slice(0, removals)
        .map((p) => p.id)
      writeFileSync(join(sandbox.dir, 'ids.txt'), ids.join('\n') + '\n')
      command = `node bin/run.js product remove - --yes --json < ${join(sandbox.dir, 'ids.txt')} > /dev/null`
      await new Promise((resolve) => setTimeout(resolve, 1200))
      await sandbox.control('requests', 'DELETE')
    }
    const run = await runOnce(command, {env: sandbox.env})
    const {items} = await sandbox.control('requests')
    const counted = kind === 'export' ? items : items.filter((r) => r.method === 'DELETE')
    const limited = items.filter((r) => r.status === 429).length
    const done = kind === 'export' ? (await csvIdChecksum(out)).rows : counted.filter((r) => r.status === 204).length
    const ceiling = kind === 'export' ? perSecond * pageSize : perSecond
    // The export also asks for a token and for the count (progress, paging guard): the same rate over
    // the pages alone says how much of the gap those two calls are.
    const pages = items.filter((r) => r.status !== 429 && r.url?.includes('/users?'))
    return {
      pagesFraction: kind === 'export' ? done / span(pages) / ceiling : undefined,
      fraction: done / span(counted.filter((r) => r.status !== 429)) / ceiling,
      wallFraction: done / (run.ms / 1000) / ceiling,
      limited,
      requests: items.length,
      done,
    }
  } finally {
    await sandbox.stop()
  }
}

/** `runs` runs of one case: the median fraction, and the 429s over all runs. */
async function one({runs, ...spec}) {
  const results = []
  for (let i = 0; i < runs; i++) results.push(await once(spec))
  const fractions = results.map((r) => r.fraction)
  const fraction = median(fractions)
  const limited = results.reduce((sum, r) => sum + r.limited, 0)
  const requests = results.reduce((sum, r) => sum + r.requests, 0)
  const share = limited / requests
  const {kind, perSecond, burst, headers, users, removals} = spec
  const percent = (x) => `${(x * 100).toFixed(0)}%`
  const label = `${kind === 'export' ? `export ${users} users` : `removal of ${removals}`}, limit ${perSecond}/s burst ${burst}${headers ? '' : ', no rate headers'}`
  const spread = runs > 1 ? ` (${percent(Math.min(...fractions))}–${percent(Math.max(...fractions))})` : ''
  const pagesAlone = kind === 'export' ? `, pages alone ${percent(median(results.map((r) => r.pagesFraction)))}` : ''
  return {
    line: `  ${label.padEnd(58)} ${percent(fraction).padStart(4)} of the ceiling${spread}${pagesAlone}, wall clock ${percent(median(results.map((r) => r.wallFraction)))}; ${limited}/${requests} answered 429 (${(share * 100).toFixed(1)}%); ${results[0].done} ${kind === 'export' ? 'rows' : 'removed'} a run, median of ${runs}`,
    target: {
      name: `rate limit: ${label}: ≥95% of the ceiling, ≤2% 429`,
      met: fraction >= 0.95 && share <= 0.02,
      value: `${percent(fraction)}, ${(share * 100).toFixed(1)}% 429`,
    },
  }
}

/**
 * Every rate × burst for the export; bulk removal of `secondsOfRemoval` × rate registrations for each
 * (seconds each), and the full `removals` once at 10/s; then, reported only, 10/s without rate headers.
 */
export async function rateLimitCase({
  users = 50_000,
  removals = 500,
  secondsOfRemoval = 8,
  rates = [5, 10, 20],
  bursts = [10, 1],
  headerless = true,
  runs = 3,
} = {}) {
  const lines = []
  const targets = []
  const add = (result) => (lines.push(result.line), targets.push(result.target))
  for (const perSecond of rates)
    for (const burst of bursts) add(await one({runs, kind: 'export', perSecond, burst, headers: true, users}))
  for (const perSecond of rates)
    for (const burst of bursts)
      add(await one({runs, kind: 'bulk', perSecond, burst, headers: true, removals: perSecond * secondsOfRemoval}))
  if (removals > 0)
    for (const burst of bursts) add(await one({runs: 1, kind: 'bulk', perSecond: 10, burst, headers: true, removals}))
  if (headerless) {
    for (const kind of ['export', 'bulk']) {
      for (const burst of bursts) {
        const result = await one({
          runs: 1,
          kind,
          perSecond: 10,
          burst,
          headers: false,
          users,
          removals: 10 * secondsOfRemoval,
        })
        lines.push(`${result.line}  (learned from 429s alone; not a target)`)
      }
    }
  }
  return {lines, targets}
}
