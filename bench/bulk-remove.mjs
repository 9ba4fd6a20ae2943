// Bulk removal: `ctx product remove --stale 30d --yes` against a sequential curl loop, with 50 ms
// of latency on every call. Under a rate limit: bench/rate-limit.mjs.
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {formatRow, measure, runOnce} from './lib.mjs'
import {startBenchSandbox} from './sandbox-control.mjs'

async function staleIds(sandbox) {
  const {stdout} = await runOnce('node bin/run.js product list --stale 30d --json', {env: sandbox.env})
  return JSON.parse(stdout).products.map((p) => p.id)
}

export async function bulkRemoveCase({products, runs, loopRuns, latencyMs = 50}) {
  const settings = {sizes: {products}}
  const sandbox = await startBenchSandbox({settings, faults: {latencyMs}})
  try {
    const reset = () => sandbox.control('reset', 'POST', settings)
    await reset()
    const ids = await staleIds(sandbox)
    const idFile = join(sandbox.dir, 'ids.txt')
    writeFileSync(idFile, ids.join('\n') + '\n')
    const ctx = await measure(
      `ctx product remove --stale 30d --yes (${ids.length})`,
      'node bin/run.js product remove --stale 30d --yes',
      {env: sandbox.env, runs, warmup: 1, prepare: reset},
    )
    const loop = await measure(`sequential curl loop (${ids.length})`, `bench/curl-remove-loop.sh ${idFile}`, {
      env: sandbox.env,
      runs: loopRuns,
      warmup: 0,
      prepare: reset,
    })
    const left = (await staleIds(sandbox)).length
    return {
      lines: [
        formatRow(ctx),
        formatRow(loop),
        `  ctx is ${(loop.medianMs / ctx.medianMs).toFixed(1)}× faster; stale left after the loop: ${left}`,
      ],
      targets: [
        {
          name: `bulk removal of ${ids.length}: at least 3× faster than the curl loop`,
          met: loop.medianMs >= 3 * ctx.medianMs,
          value: `${(loop.medianMs / ctx.medianMs).toFixed(1)}×`,
        },
      ],
    }
  } finally {
    await sandbox.stop()
  }
}
