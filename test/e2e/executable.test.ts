import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

import {after, before, describe, it} from 'mocha'

import {adminPassword} from '../helpers/appliance-e2e.js'

// The standalone executables of `npm run package` (scripts/package.mjs). Built by .ci/run before the tests;
// elsewhere these tests are skipped, saying so, until `npm run package` has run: building them takes a minute
// and fetches Node for three platforms, too much for every `npm test` on a laptop. Under CI (CI=true) a
// missing executable is a failure, never a skip, so that a packaging step that did not run cannot pass unseen.
const root = fileURLToPath(new URL('../..', import.meta.url))
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}
const release = join(root, 'release')
const executables = {
  linux: join(release, `ctx-${version}-linux-x64`),
  windows: join(release, `ctx-${version}-win-x64.exe`),
  macos: join(release, `ctx-${version}-macos-x64`),
}
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'

/** A test that says why it cannot run: skipped on a laptop, failed in CI. */
function missing(why: string): void {
  if (process.env.CI === 'true') it(`is built (CI): ${why}`, () => assert.fail(why))
  else it.skip(`skipped: ${why}`)
}

function notBuilt(path: string): string | undefined {
  return existsSync(path) ? undefined : `${relative(root, path)} is not built: run \`npm run package\``
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

const linuxMissing =
  process.platform === 'linux' && process.arch === 'x64'
    ? notBuilt(executables.linux)
    : 'the linux-x64 executable runs on linux-x64 only'

describe('e2e: the standalone linux-x64 executable, with no Node around', function () {
  if (linuxMissing) return missing(linuxMissing)
  let temp: string
  let ctx: string
  let env: NodeJS.ProcessEnv
  let sandboxPid: number | undefined

  /** Runs the copied executable in the temporary folder, with only the environment below. */
  const runCtx = (args: string[], input = ''): Promise<Run> =>
    new Promise((resolve, reject) => {
      const child = spawn(ctx, args, {cwd: temp, env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000})
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('error', reject)
      child.on('close', (code) => resolve({code, stdout, stderr}))
      child.stdin.end(input)
    })

  before(() => {
    temp = mkdtempSync(join(tmpdir(), 'ctx-executable-'))
    ctx = join(temp, 'ctx')
    copyFileSync(executables.linux, ctx)
    // No node_modules beside it or above it (the temporary folder), and a PATH with nothing on it.
    mkdirSync(join(temp, 'empty-bin'))
    env = {PATH: join(temp, 'empty-bin'), HOME: temp, CTX_CONFIG_DIR: join(temp, 'config'), NO_COLOR: '1', TZ: 'UTC'}
  })

  after(() => {
    if (sandboxPid !== undefined) {
      try {
        process.kill(sandboxPid, 'SIGTERM')
      } catch {
        // Stopped already.
      }
    }
    rmSync(temp, {recursive: true, force: true})
  })

  it('has neither node nor node_modules within reach', () => {
    assert.ok(!existsSync(join(temp, 'empty-bin', 'node')))
    for (let dir = temp; dir !== join(dir, '..'); dir = join(dir, '..'))
      assert.ok(!existsSync(join(dir, 'node_modules')), `${dir}/node_modules`)
  })

  it('prints its version: ctx, its platform and the Node inside it', async () => {
    const result = await runCtx(['--version'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(
      result.stdout,
      new RegExp(`^ctx/${version.replaceAll('.', '\\.')} linux-x64 node-v2\\d+\\.\\d+\\.\\d+\\n$`),
    )
    assert.equal(result.stderr, '')
  })

  it('prints the help, with ctx help class (the exit codes) and every topic', async () => {
    const result = await runCtx(['--help'])
    assert.equal(result.code, 0, result.stderr)
    for (const topic of ['appliance', 'auth', 'license', 'sandbox', 'autocomplete'])
      assert.match(result.stdout, new RegExp(`^  ${topic}\\b`, 'm'))
    assert.match(result.stdout, /^EXIT CODES$/m)
    assert.equal(result.stderr, '')
  })

  it('starts a detached sandbox that is the executable itself, not node', async () => {
    const result = await runCtx(['sandbox', 'start', '--detach', '--port', '0', '--json'])
    assert.equal(result.code, 0, result.stderr)
    const {pid, detached} = JSON.parse(result.stdout) as {pid: number; detached: boolean}
    sandboxPid = pid
    assert.equal(detached, true)
    assert.equal(readlinkSync(`/proc/${pid}/exe`), ctx)
    const status = await runCtx(['sandbox', 'status', '--json'])
    assert.equal((JSON.parse(status.stdout) as {running: boolean}).running, true)
  })

  it('runs a license summary against the sandbox', async () => {
    const result = await runCtx(['license', 'summary', '--sandbox'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /^Used\s+\d+/m)
  })

  it('exports to files: CSV and xlsx (exceljs), with no warning from the bundle', async () => {
    const csv = await runCtx(['license', 'export', 'users', '--format', 'csv', '--out', 'users.csv', '--sandbox'])
    assert.equal(csv.code, 0, csv.stderr)
    assert.ok(readFileSync(join(temp, 'users.csv'), 'utf8').split('\n').length > 100)
    const xlsx = await runCtx([
      'license',
      'export',
      'history',
      '--format',
      'xlsx',
      '--out',
      'history.xlsx',
      '--sandbox',
    ])
    assert.equal(xlsx.code, 0, xlsx.stderr)
    assert.equal(readFileSync(join(temp, 'history.xlsx')).subarray(0, 2).toString(), 'PK')
    assert.doesNotMatch(csv.stderr + xlsx.stderr, /Warning/)
  })

  it('writes the HTML license report', async () => {
    const result = await runCtx(['license', 'report', '--sandbox', '--out', 'report.html'])
    assert.equal(result.code, 0, result.stderr)
    const html = readFileSync(join(temp, 'report.html'), 'utf8')
    assert.match(html, /^<!doctype html>/i)
    assert.match(html, /<svg/)
  })

  it('registers a sandbox Connector Appliance in a seeded resource location', async () => {
    const login = await runCtx(['appliance', 'login', '--sandbox', '--password-stdin'], adminPassword)
    assert.equal(login.code, 0, login.stderr)
    const result = await runCtx([
      'appliance',
      'register',
      '--sandbox',
      '--name',
      'ca-x',
      '--resource-location',
      'Headquarters',
      '--accept',
      '--json',
    ])
    assert.equal(result.code, 0, result.stderr)
    const registered = JSON.parse(result.stdout) as {name: string; status: string; accepted: boolean}
    assert.deepEqual([registered.name, registered.status, registered.accepted], ['ca-x', 'Registered', true])
  })

  it('says once that it cannot use the keychain, and keeps the secret in the 0600 file', async () => {
    const result = await runCtx(
      [
        'auth',
        'login',
        '--customer-id',
        'acme',
        '--client-id',
        'id-1',
        '--client-secret-stdin',
        '--no-verify',
        '--profile',
        'lab',
      ],
      'secret-1',
    )
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stderr.match(/cannot use the OS keychain/g)?.length, 1)
    assert.match(result.stderr, /kept in the config file/)
    const config = JSON.parse(readFileSync(join(temp, 'config', 'config.json'), 'utf8')) as {
      profiles: Record<string, Record<string, string>>
    }
    assert.equal(config.profiles.lab?.['client-secret'], 'secret-1')
  })

  it('suggests a command for a mistyped one (the not-found hook) and prints completion scripts', async () => {
    const typo = await runCtx(['licence', 'summary'])
    assert.equal(typo.code, 2)
    assert.match(typo.stderr, /"licence summary" is not a ctx command/)
    assert.match(typo.stderr, /Did you mean `ctx license summary`\?/)
    const completion = await runCtx(['autocomplete', 'script', 'bash'])
    assert.equal(completion.code, 0, completion.stderr)
    assert.match(completion.stdout, /CTX_AC_BASH_SETUP_PATH/)
  })

  it('stops the detached sandbox', async () => {
    const result = await runCtx(['sandbox', 'stop'])
    assert.equal(result.code, 0, result.stderr)
    assert.throws(() => process.kill(sandboxPid!, 0))
    sandboxPid = undefined
  })
})

/** The load commands of a 64-bit little-endian Mach-O file: their type and, for segments, their name. */
function machoLoadCommands(data: Buffer): {
  cpu: number
  fileType: number
  commands: Array<{cmd: number; segment?: string}>
} {
  assert.equal(data.readUInt32LE(0), 0xfeedfacf, 'a 64-bit Mach-O')
  const commands = []
  let offset = 32
  for (let i = 0; i < data.readUInt32LE(16); i++) {
    const cmd = data.readUInt32LE(offset)
    const segment =
      cmd === 0x19
        ? data
            .subarray(offset + 8, offset + 24)
            .toString('latin1')
            .replace(/\0+$/, '')
        : undefined
    commands.push({cmd, segment})
    offset += data.readUInt32LE(offset + 4)
  }
  return {cpu: data.readUInt32LE(4), fileType: data.readUInt32LE(12), commands}
}

describe('the macOS and Windows executables (checked, not run: see the README)', () => {
  const macosMissing = notBuilt(executables.macos)
  const windowsMissing = notBuilt(executables.windows)

  if (macosMissing) missing(macosMissing)
  else
    it('macOS: a Mach-O x86-64 executable with the NODE_SEA segment injected, its fuse set and no stale signature', () => {
      const data = readFileSync(executables.macos)
      const {cpu, fileType, commands} = machoLoadCommands(data)
      assert.equal(cpu, 0x01000007, 'CPU_TYPE_X86_64')
      assert.equal(fileType, 2, 'MH_EXECUTE')
      assert.ok(commands.some((c) => c.segment === 'NODE_SEA'))
      assert.ok(
        !commands.some((c) => c.cmd === 0x1d),
        'no LC_CODE_SIGNATURE: the one of the official binary was removed',
      )
      assert.ok(data.includes(`${fuse}:1`))
    })

  if (windowsMissing) missing(windowsMissing)
  else
    it('Windows: a PE32+ x86-64 console executable with its fuse set and no stale signature', () => {
      const data = readFileSync(executables.windows)
      const pe = data.readUInt32LE(0x3c)
      assert.equal(data.toString('latin1', pe, pe + 4), 'PE\0\0')
      assert.equal(data.readUInt16LE(pe + 4), 0x8664, 'x86-64')
      const optional = pe + 24
      assert.equal(data.readUInt16LE(optional), 0x20b, 'PE32+')
      assert.equal(data.readUInt16LE(optional + 68), 3, 'console subsystem')
      // Data directory 4 (the certificate table) of a PE32+ optional header: empty once unsigned.
      assert.equal(
        data.readUInt32LE(optional + 112 + 4 * 8 + 4),
        0,
        'no Authenticode signature: the one of the official binary was removed',
      )
      assert.ok(data.includes(`${fuse}:1`))
      assert.ok(data.includes(Buffer.from('NODE_SEA_BLOB', 'utf16le')), 'the NODE_SEA_BLOB resource')
    })
})
