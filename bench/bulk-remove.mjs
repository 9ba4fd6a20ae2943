// Bulk removal: `ctx product remove - --yes` of 100 and of 1,000 registrations (ids on stdin) against
// the sequential curl loop an admin would write, on the same ids, with 50 ms of latency on every
// call and no rate limit; ctx at its default concurrency. Under a rate limit: bench/rate-limit.mjs.
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {formatRow, measure, runOnce} from './lib.mjs'
import {startBenchSandbox} from './sandbox-control.mjs'

async function removeCount(count, {runs, loopRuns, latencyMs}) {
  // Twice as many as removed, so that the removal picks among others, as a clean-up does.
  const settings = {sizes: {products: count * 2}}
  const sandbox = await startBenchSandbox({settings, faults: {latencyMs}})
  try {
    const reset = () => sandbox.control('reset', 'POST', settings)
    await reset()
    const all = join(sandbox.dir, 'all.json')
    await runOnce(`node bin/run.js product list --json > ${all}`, {env: sandbox.env})
    const ids = JSON.parse(readFileSync(all, 'utf8'))
      .products.slice(0, count)
      .map((p) => p.id)
    const idFile = join(sandbox.dir, 'ids.txt')
    writeFileSync(idFile, ids.join('\n') + '\n')
    const left = async () => {
      const {stdout} = await runOnce('node bin/run.js product list --json', {env: sandbox.env})
      const present = new Set(JSON.parse(stdout).products.map((p) => p.id))
      return ids.filter((id) => present.has(id)).length
    }
    const ctx = await measure(
      `ctx product remove - --yes (${ids.length})`,
      `node bin/run.js product remove - --yes < ${idFile}`,
      {
        env: sandbox.env,
        runs,
        warmup: 1,
        prepare: reset,
      },
    )
    const ctxLeft = await left()
    const loop = await measure(`sequential curl loop (${ids.length})`, `bench/curl-remove-loop.sh ${idFile}`, {
      env: sandbox.env,
      runs: loopRuns,
      warmup: 0,
      prepare: reset,
    })
    const loopLeft = await left()
    const speedup = loop.medianMs / ctx.medianMs
    return {
      lines: [
        formatRow(ctx),
        formatRow(loop),
        `  ctx is ${speedup.toFixed(1)}× faster; of the ${ids.length} ids, left after ctx ${ctxLeft}, after the loop ${loopLeft}`,
      ],
      targets: [
        {
          name: `bulk removal of ${ids.length} at ${latencyMs} ms latency: at least 3× faster than the curl loop`,
          met: speedup >= 3 && ctxLeft === 0 && loopLeft === 0,
          value: `${speedup.toFixed(1)}×${ctxLeft || loopLeft ? `, but ${ctxLeft + loopLeft} left` : ''}`,
        },
      ],
    }
  } finally {
    await sandbox.stop()
  }
}

export async function bulkRemoveCase({counts = [100, 1000], runs = 3, loopRuns = 1, latencyMs = 50} = {}) {
  const lines = []
  const targets = []
  for (const count of counts) {
    const result = await removeCount(count, {runs, loopRuns, latencyMs})
    lines.push(...result.lines)
    targets.push(...result.targets)
  }
  return {lines, targets}
}
