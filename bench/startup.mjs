// Start-up: ctx --version, --help, `auth status --offline` with a profile, and the time to the first
// request of `product list`, against `node -e 0` (issue 13's targets: 1.3×, 2.5×, 2.5× and 3×).
import {execFileSync, spawn} from 'node:child_process'
import {once} from 'node:events'
import {existsSync, readFileSync} from 'node:fs'

import {formatRow, measure, measureRounds, median} from './lib.mjs'
import {startBenchSandbox} from './sandbox-control.mjs'

export async function startupCase({runs}) {
  const sandbox = await startBenchSandbox()
  try {
    // A saved profile, as an admin has one: `auth status` then reads it (and the cached token).
    const {CTX_API_URL, CTX_CUSTOMER_ID, CTX_CLIENT_ID, CTX_CLIENT_SECRET, ...env} = sandbox.env
    execFileSync(
      'node',
      [
        'bin/run.js',
        'auth',
        'login',
        '--customer-id',
        CTX_CUSTOMER_ID,
        '--client-id',
        CTX_CLIENT_ID,
        '--client-secret-stdin',
        '--api-url',
        CTX_API_URL,
      ],
      {
        env: {...process.env, ...env},
        input: CTX_CLIENT_SECRET,
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    )
    const options = {env, runs, warmup: 2}
    // In turn, each run of ctx beside one of the floor: the machine may be shared.
    const [floor, version, help, status, coldHelp] = await measureRounds(
      [
        {label: 'node -e 0 (the floor)', command: 'node -e 0'},
        {label: 'ctx --version', command: 'node bin/run.js --version'},
        {label: 'ctx --help', command: 'node bin/run.js --help'},
        // --offline: the cached token only, as start-up is measured (online, auth status also makes a request).
        {label: 'ctx auth status --offline (a saved profile)', command: 'node bin/run.js auth status --offline'},
        // A command's first start after an install or upgrade of ctx: no code cache yet (src/cli/code-cache.ts).
        {label: 'ctx --help, no code cache (a first start)', command: 'CTX_CODE_CACHE=off node bin/run.js --help'},
      ],
      options,
    )
    const firstRequest = await firstRequestCase(sandbox, options)
    const executable = await executableCase(options)
    const within = (name, result, target, floorMs = floor.medianMs) => {
      const value = result.medianMs / floorMs
      return {
        name: `start-up: ${name} within ${target}× the floor`,
        met: value <= target,
        value: `${value.toFixed(2)}×`,
      }
    }
    return {
      lines: [
        ...[floor, version, help, status, coldHelp].map((r, i) => formatRow(r, i ? floor.medianMs : undefined)),
        formatRow(firstRequest.floor),
        formatRow(firstRequest.result, firstRequest.floor.medianMs),
        formatRow(firstRequest.cold, firstRequest.floor.medianMs),
        ...executable.results.map((r) => formatRow(r, floor.medianMs)),
      ],
      targets: [
        within('--version', version, 1.3),
        within('--help', help, 2.5),
        within('auth status --offline', status, 2.5),
        within('the first request of product list', firstRequest.result, 3, firstRequest.floor.medianMs),
        ...executable.results.slice(-1).map((r) => within("the linux executable's --help", r, 1.5)),
      ],
    }
  } finally {
    await sandbox.stop()
  }
}

/**
 * From spawning `ctx product list` (a saved profile, a cached token: its first request is the list)
 * to the sandbox receiving that request, by the sandbox's log of arrivals (the same machine clock).
 * Its floor is `node -e 0` spawned the same way, from spawn to exit, each run just before one of ctx's,
 * so that both see the same load on a shared machine. Each round also times a start without the code
 * cache, as the first command after an install or upgrade of ctx runs (not a target).
 */
async function firstRequestCase(sandbox, {env, runs, warmup}) {
  const spawnRun = async (args, extraEnv = {}) => {
    const spawnedAt = Date.now()
    const child = spawn('node', args, {env: {...process.env, ...env, ...extraEnv}, stdio: ['ignore', 'ignore', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const [code] = await once(child, 'close')
    if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`)
    return {spawnedAt, exitedAt: Date.now()}
  }
  const toFirstRequest = async (extraEnv) => {
    await sandbox.control('requests', 'DELETE')
    const {spawnedAt} = await spawnRun(['bin/run.js', 'product', 'list'], extraEnv)
    const [first] = (await sandbox.control('requests')).items
    // A token request first would measure the login, not the start-up.
    if (!first?.url.includes('/registeredproducts/')) throw new Error(`first request: ${JSON.stringify(first)}`)
    return Date.parse(first.at) - spawnedAt
  }
  const floorMs = []
  const firstMs = []
  const coldMs = []
  for (let i = 0; i < warmup + runs; i++) {
    const floorRun = await spawnRun(['-e', '0'])
    const first = await toFirstRequest()
    const cold = await toFirstRequest({CTX_CODE_CACHE: 'off'})
    if (i < warmup) continue
    floorMs.push(floorRun.exitedAt - floorRun.spawnedAt)
    firstMs.push(first)
    coldMs.push(cold)
  }
  const summary = (label, samples) => ({label, medianMs: median(samples), minMs: Math.min(...samples), runs})
  return {
    floor: summary('node -e 0, spawned (floor of the next rows)', floorMs),
    result: summary('ctx product list: spawn to its first request', firstMs),
    cold: summary('the same, no code cache (a first start)', coldMs),
  }
}

/** The standalone linux executable of `npm run package` (V8 code cache inside), when it has been built. */
async function executableCase(options) {
  const {version} = JSON.parse(readFileSync('package.json', 'utf8'))
  const path = `release/ctx-${version}-linux-x64`
  if (process.platform !== 'linux' || !existsSync(path)) {
    console.log(`  (no ${path}: \`npm run package\` builds it)`)
    return {results: []}
  }
  return {
    results: [
      await measure('executable: ctx --version', `${path} --version`, options),
      await measure('executable: ctx --help', `${path} --help`, options),
    ],
  }
}
