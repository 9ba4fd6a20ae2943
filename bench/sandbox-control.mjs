import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'

const script = fileURLToPath(new URL('sandbox-process.mjs', import.meta.url))
const {sandboxCredentials} = await import('../dist/sandbox/constants.js')

/** Starts bench/sandbox-process.mjs and resolves once it listens. */
export async function startBenchSandbox({settings = {}, faults = {}} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ctx-bench-'))
  const child = spawn(
    process.execPath,
    [script, join(dir, 'sandbox'), JSON.stringify(settings), JSON.stringify(faults)],
    {stdio: ['ignore', 'pipe', 'inherit']},
  )
  const line = await new Promise((resolve, reject) => {
    createInterface({input: child.stdout}).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`bench sandbox exited ${code}`)))
  })
  const {url} = JSON.parse(line)
  return {
    url,
    dir,
    credentials: sandboxCredentials,
    /** Environment that points ctx (and the other tools) at this sandbox, with a config folder of its own. */
    env: {
      CTX_CONFIG_DIR: join(dir, 'config'),
      CTX_KEYCHAIN: 'off',
      CTX_API_URL: url,
      CTX_CUSTOMER_ID: sandboxCredentials.customerId,
      CTX_CLIENT_ID: sandboxCredentials.clientId,
      CTX_CLIENT_SECRET: sandboxCredentials.clientSecret,
      NO_COLOR: '1',
    },
    async control(path, method = 'GET', body) {
      const response = await fetch(`${url}/_sandbox/${path}`, {
        method,
        headers: {'content-type': 'application/json'},
        body: body && JSON.stringify(body),
      })
      return response.status === 204 ? undefined : response.json()
    },
    stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))),
  }
}
