// Export: `ctx license export users --format csv` against the floor (fetch, no writing) and the
// curl + jq loop, at one size; the same rows and checksum from all three.
import {join} from 'node:path'

import {csvIdChecksum} from './checksum.mjs'
import {formatRow, measure} from './lib.mjs'
import {startBenchSandbox} from './sandbox-control.mjs'

export async function exportCase({users, runs, curlRuns}) {
  const sandbox = await startBenchSandbox({settings: {sizes: {users}}})
  try {
    const {rows: expectedRows} = await sandbox.control('licensing/cvad/users/digest')
    const ctxOut = join(sandbox.dir, 'ctx.csv')
    const curlOut = join(sandbox.dir, 'curl.csv')
    const env = sandbox.env
    const floor = await measure(`floor: node + fetch, ${users} users`, 'node bench/floor-fetch.mjs', {
      env,
      runs,
      warmup: 1,
    })
    const ctx = await measure(
      `ctx license export users --format csv`,
      `node bin/run.js license export users --format csv --out ${ctxOut}`,
      {env, runs, warmup: 1},
    )
    const curl = await measure(`curl + jq loop`, `bench/curl-jq-export.sh ${curlOut}`, {env, runs: curlRuns, warmup: 0})
    const floorSum = JSON.parse(floor.last.stdout)
    const [ctxSum, curlSum] = await Promise.all([csvIdChecksum(ctxOut), csvIdChecksum(curlOut)])
    const same = [floorSum, ctxSum, curlSum].every((s) => s.rows === expectedRows && s.checksum === floorSum.checksum)
    const lines = [
      formatRow(floor),
      formatRow(ctx, floor.medianMs),
      formatRow(curl, floor.medianMs),
      `  rows: sandbox ${expectedRows}, floor ${floorSum.rows}, ctx ${ctxSum.rows}, curl+jq ${curlSum.rows}; checksums ${same ? 'all equal' : 'DIFFER'}`,
      `  ctx: ${Math.round(users / (ctx.medianMs / 1000))} rows/s`,
    ]
    return {
      lines,
      targets: [
        {
          name: `export ${users}: ctx within 1.2× the floor`,
          met: ctx.medianMs <= 1.2 * floor.medianMs,
          value: `${(ctx.medianMs / floor.medianMs).toFixed(2)}×`,
        },
        {
          name: `export ${users}: ctx faster than curl + jq`,
          met: ctx.medianMs < curl.medianMs,
          value: `${(curl.medianMs / ctx.medianMs).toFixed(1)}× faster`,
        },
        {
          name: `export ${users}: ctx peak memory under 150 MB`,
          met: (ctx.peakRssMb ?? Infinity) < 150,
          value: `${ctx.peakRssMb?.toFixed(0)} MB`,
        },
        {name: `export ${users}: same rows and checksum from all three`, met: same, value: same ? 'yes' : 'no'},
      ],
    }
  } finally {
    await sandbox.stop()
  }
}
