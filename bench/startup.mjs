// Start-up: ctx --version, --help and `auth status --offline` with a profile, against `node -e 0`.
import {execFileSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'

import {formatRow, measure} from './lib.mjs'
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
    const floor = await measure('node -e 0 (the floor)', 'node -e 0', options)
    const version = await measure('ctx --version', 'node bin/run.js --version', options)
    const help = await measure('ctx --help', 'node bin/run.js --help', options)
    // --offline: the cached token only, as start-up is measured (online, auth status also makes a request).
    const status = await measure(
      'ctx auth status --offline (a saved profile)',
      'node bin/run.js auth status --offline',
      options,
    )
    const ratio = (r) => r.medianMs / floor.medianMs
    const executable = await executableCase(options)
    return {
      lines: [floor, version, help, status, ...executable.results].map((r, i) =>
        formatRow(r, i ? floor.medianMs : undefined),
      ),
      targets: [
        {
          name: 'start-up: --version within 2.5× the floor',
          met: ratio(version) <= 2.5,
          value: `${ratio(version).toFixed(2)}×`,
        },
        {name: 'start-up: --help within 3× the floor', met: ratio(help) <= 3, value: `${ratio(help).toFixed(2)}×`},
        {
          name: 'start-up: auth status within 3× the floor',
          met: ratio(status) <= 3,
          value: `${ratio(status).toFixed(2)}×`,
        },
        ...executable.results.slice(-1).map((r) => ({
          name: "start-up: the linux executable's --help within 1.5× the floor",
          met: ratio(r) <= 1.5,
          value: `${ratio(r).toFixed(2)}×`,
        })),
      ],
    }
  } finally {
    await sandbox.stop()
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
