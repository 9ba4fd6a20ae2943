// Export: `ctx license export users --format …` against the floor (fetch, no writing), in rounds (floor,
// csv, ndjson, json[, xlsx]) so that a drifting machine slows every case alike; the curl + jq loop at
// 100,000 users; the same rows and checksum from every file; and the scale table (10,000 to 1,000,000).
import {join} from 'node:path'

import {idChecksum} from './checksum.mjs'
import {measure, measureRounds, pairedRatio} from './lib.mjs'
import {startBenchSandbox} from './sandbox-control.mjs'

/** The most each format may take, as a multiple of the floor (issue 13). */
const floorRatioTargets = {csv: 1.2, ndjson: 1.15, json: 1.15}
const csvPeakTargetMb = 120
const xlsxCsvRatioTarget = 3
const xlsxPeakTargetMb = 200

const count = (n) => n.toLocaleString('en-US')
const mb = (result) => `${result.peakRssMb?.toFixed(0) ?? '?'} MB`

function row(label, result, ratio) {
  const shownRatio = ratio === undefined ? '' : ` ${ratio.toFixed(2)}×`
  return `  ${label.padEnd(44)} ${count(Math.round(result.medianMs)).padStart(7)} ms${shownRatio.padEnd(7)}  peak ${mb(result)}`
}

/**
 * One size: the floor and ctx in each format (xlsx when asked), measured in rounds, then the curl + jq
 * loop when `curlRuns` is given. Returns the lines, the targets and the CSV case (for the scale table).
 */
export async function exportCase({users, runs, formats = ['csv', 'ndjson', 'json'], xlsx = false, curlRuns = 0}) {
  const sandbox = await startBenchSandbox({settings: {sizes: {users}}})
  try {
    const {rows: expectedRows} = await sandbox.control('licensing/cvad/users/digest')
    const env = sandbox.env
    const outOf = (format) => join(sandbox.dir, `ctx.${format}`)
    const ctxFormats = xlsx ? [...formats, 'xlsx'] : formats
    const [floor, ...ctx] = await measureRounds(
      [
        {label: 'floor: node + fetch', command: 'node bench/floor-fetch.mjs'},
        ...ctxFormats.map((format) => ({
          label: `ctx --format ${format}`,
          command: `node bin/run.js license export users --format ${format} --out ${outOf(format)}`,
        })),
      ],
      {env, runs, warmup: 1},
    )
    const byFormat = Object.fromEntries(ctxFormats.map((format, index) => [format, ctx[index]]))
    const curl = curlRuns
      ? await measure('curl + jq loop', `bench/curl-jq-export.sh ${join(sandbox.dir, 'curl.csv')}`, {
          env,
          runs: curlRuns,
          warmup: 0,
        })
      : undefined

    const floorSum = JSON.parse(floor.last.stdout)
    const sums = {}
    for (const format of ctxFormats) sums[format] = await idChecksum(format, outOf(format), 'userId')
    if (curl) sums['curl+jq'] = await idChecksum('csv', join(sandbox.dir, 'curl.csv'))
    const differing = Object.entries(sums)
      .filter(([, s]) => s.rows !== expectedRows || s.checksum !== floorSum.checksum)
      .map(([name]) => name)
    const same = floorSum.rows === expectedRows && differing.length === 0

    const title = `${count(users)} users`
    const lines = [`  ${title}: ${runs} rounds after a warm-up; ratios are medians of the ratios within a round`]
    lines.push(row(floor.label, floor))
    for (const format of formats)
      lines.push(row(byFormat[format].label, byFormat[format], pairedRatio(byFormat[format], floor)))
    if (xlsx)
      lines.push(
        `${row(byFormat.xlsx.label, byFormat.xlsx, pairedRatio(byFormat.xlsx, floor))}  (${pairedRatio(byFormat.xlsx, byFormat.csv).toFixed(2)}× the CSV)`,
      )
    if (curl) lines.push(row(`${curl.label} (${curl.runs} runs)`, curl, curl.medianMs / floor.medianMs))
    lines.push(
      `  rows: sandbox ${count(expectedRows)}, floor ${count(floorSum.rows)}, ${Object.entries(sums)
        .map(([name, s]) => `${name} ${count(s.rows)}`)
        .join(', ')}; checksums ${same ? 'all equal to the floor' : `DIFFER (${differing.join(', ')})`}`,
    )

    const targets = formats.map((format) => {
      const ratio = pairedRatio(byFormat[format], floor)
      return {
        name: `export ${title}: ${format} within ${floorRatioTargets[format]}× the floor`,
        met: ratio <= floorRatioTargets[format],
        value: `${ratio.toFixed(2)}×`,
      }
    })
    targets.push({
      name: `export ${title}: csv peak memory under ${csvPeakTargetMb} MB`,
      met: (byFormat.csv.peakRssMb ?? Infinity) < csvPeakTargetMb,
      value: mb(byFormat.csv),
    })
    if (xlsx) {
      const ratio = pairedRatio(byFormat.xlsx, byFormat.csv)
      targets.push(
        {
          name: `export ${title}: xlsx within ${xlsxCsvRatioTarget}× the CSV`,
          met: ratio <= xlsxCsvRatioTarget,
          value: `${ratio.toFixed(2)}×`,
        },
        {
          name: `export ${title}: xlsx peak memory under ${xlsxPeakTargetMb} MB`,
          met: (byFormat.xlsx.peakRssMb ?? Infinity) < xlsxPeakTargetMb,
          value: mb(byFormat.xlsx),
        },
      )
    }
    if (curl) {
      targets.push({
        name: `export ${title}: csv faster than curl + jq`,
        met: byFormat.csv.medianMs < curl.medianMs,
        value: `${(curl.medianMs / byFormat.csv.medianMs).toFixed(1)}× faster`,
      })
    }
    targets.push({
      name: `export ${title}: same rows and checksum as the floor, every format`,
      met: same,
      value: same ? 'yes' : `no (${differing.join(', ') || 'floor'})`,
    })
    return {lines, targets, csv: {users, ...byFormat.csv}}
  } finally {
    await sandbox.stop()
  }
}

/**
 * The CSV export at each size: time, rows a second and peak memory. Linear time shows as the same
 * rows a second for each added row (the marginal rate, start-up aside), flat memory as the same peak.
 */
export function scaleTable(cases) {
  const sorted = [...cases].sort((a, b) => a.users - b.users)
  const lines = [
    `  ${'users'.padStart(9)}  ${'time'.padStart(9)}  ${'rows/s'.padStart(9)}  ${'marginal rows/s'.padStart(15)}  peak RSS`,
  ]
  const marginal = []
  sorted.forEach((c, index) => {
    const previous = sorted[index - 1]
    const rate = previous ? ((c.users - previous.users) / (c.medianMs - previous.medianMs)) * 1000 : undefined
    if (rate !== undefined) marginal.push(rate)
    lines.push(
      `  ${count(c.users).padStart(9)}  ${`${count(Math.round(c.medianMs))} ms`.padStart(9)}  ${count(Math.round(c.users / (c.medianMs / 1000))).padStart(9)}  ${(rate === undefined ? '' : count(Math.round(rate))).padStart(15)}  ${mb(c)}`,
    )
  })
  const [smallest, largest] = [sorted[0], sorted.at(-1)]
  const rateSpread = Math.min(...marginal) / Math.max(...marginal)
  const growth = largest.peakRssMb - smallest.peakRssMb
  return {
    lines,
    targets: [
      {
        name: `scale: time linear in rows (marginal rows/s of each step within 25% of the other's)`,
        met: rateSpread >= 0.75,
        value: `${(rateSpread * 100).toFixed(0)}%`,
      },
      {
        name: `scale: memory flat (peak at ${count(largest.users)} within 20% of the peak at ${count(smallest.users)})`,
        met: largest.peakRssMb <= 1.2 * smallest.peakRssMb,
        value: `${growth >= 0 ? '+' : ''}${growth.toFixed(0)} MB (${((largest.peakRssMb / smallest.peakRssMb - 1) * 100).toFixed(0)}%)`,
      },
    ],
  }
}

/** The export group of `npm run bench`: 100,000 and 1,000,000 users in every format, 10,000 in CSV, the scale table. */
export async function exportGroup() {
  // Rounds: on this project's shared 2-core VM a single round's ratio moves by a tenth or more; the short
  // cases get more of them (about 2, 3 and 1 minutes).
  const medium = await exportCase({users: 100_000, runs: 7, xlsx: true, curlRuns: 2})
  const large = await exportCase({users: 1_000_000, runs: 3})
  const small = await exportCase({users: 10_000, runs: 7, formats: ['csv']})
  const scale = scaleTable([small.csv, medium.csv, large.csv])
  return {
    lines: [...medium.lines, ...large.lines, ...small.lines, '  scale (csv):', ...scale.lines],
    // 10,000 users is for the scale table only: start-up is most of its time, which no target is about.
    targets: [...medium.targets, ...large.targets, ...scale.targets],
  }
}
