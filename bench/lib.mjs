// Shared by the benchmark cases: run a command several times after a warm-up, and report the
// median wall time and the peak resident memory (GNU time's %M) of each run.
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'

export const timeBin = '/usr/bin/time'

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Runs `command` through a shell once; resolves with wall ms, peak RSS in MB (when GNU time is there) and stdout. */
export function runOnce(command, {env = {}, cwd} = {}) {
  const useTime = existsSync(timeBin)
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const args = useTime ? [timeBin, ['-f', '__RSS__%M', 'bash', '-c', command]] : ['bash', ['-c', command]]
    const child = spawn(args[0], args[1], {env: {...process.env, ...env}, cwd, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('error', reject)
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      const rss = /__RSS__(\d+)/.exec(stderr)
      if (code !== 0)
        return reject(new Error(`"${command}" exited ${code}: ${stderr.replace(/__RSS__\d+/, '').slice(-500)}`))
      resolve({ms, peakRssMb: rss ? Number(rss[1]) / 1024 : undefined, stdout, stderr})
    })
  })
}

/** Warm-up runs first (not counted), then `runs` measured runs. */
export async function measure(label, command, {runs = 7, warmup = 2, env, cwd, check, prepare} = {}) {
  for (let i = 0; i < warmup; i++) {
    await prepare?.()
    await runOnce(command, {env, cwd})
  }
  const samples = []
  let peak = 0
  let last
  for (let i = 0; i < runs; i++) {
    await prepare?.()
    last = await runOnce(command, {env, cwd})
    samples.push(last.ms)
    peak = Math.max(peak, last.peakRssMb ?? 0)
  }
  if (check) check(last)
  return {label, medianMs: median(samples), minMs: Math.min(...samples), peakRssMb: peak || undefined, runs, last}
}

export function formatRow(result, floorMs) {
  const ratio = floorMs ? ` ${(result.medianMs / floorMs).toFixed(2)}×` : ''
  const rss = result.peakRssMb ? `  peak ${result.peakRssMb.toFixed(0)} MB` : ''
  return `  ${result.label.padEnd(48)} ${result.medianMs.toFixed(0).padStart(7)} ms${ratio}${rss}`
}

/**
 * Several commands run in turn, round after round (A B C, A B C, …), after `warmup` rounds: a machine
 * whose speed drifts slows every case alike, and ratios are taken within a round. `cases` are
 * {label, command, prepare?}; each result has the median, the peak RSS, and the samples by round.
 */
export async function measureRounds(cases, {runs = 3, warmup = 1, env, cwd} = {}) {
  const results = cases.map((c) => ({label: c.label, samples: [], peakRssMb: 0, last: undefined}))
  for (let round = 0; round < warmup + runs; round++) {
    for (const [index, c] of cases.entries()) {
      await c.prepare?.()
      const run = await runOnce(c.command, {env, cwd})
      if (round < warmup) continue
      const result = results[index]
      result.samples.push(run.ms)
      result.peakRssMb = Math.max(result.peakRssMb, run.peakRssMb ?? 0)
      result.last = run
    }
  }
  return results.map((r) => ({...r, medianMs: median(r.samples), peakRssMb: r.peakRssMb || undefined, runs}))
}

/** The median of a / b taken round by round (results of measureRounds). */
export function pairedRatio(a, b) {
  return median(a.samples.map((ms, round) => ms / b.samples[round]))
}
