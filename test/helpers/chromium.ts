import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {delimiter, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** Where browser tests leave files for people to look at (gitignored). */
export const testOutputDir = fileURLToPath(new URL('../../test-output/', import.meta.url))

const installHint =
  'install it with `apt-get install -y chromium` (.ci/run does this when it is missing), or set CHROMIUM_BIN'

/**
 * Debian's chromium (`/usr/bin/chromium`), else a chromium on the PATH, else CHROMIUM_BIN. Throws when there
 * is none, so that a browser test fails loudly instead of passing without a browser.
 */
export function findChromium(candidates = chromiumCandidates()): string {
  const found = candidates.find(isExecutable)
  if (!found)
    throw new Error(
      `Chromium not found (looked for ${candidates.slice(0, 3).join(', ')}${candidates.length > 3 ? ', …' : ''}): ${installHint}`,
    )
  return found
}

function chromiumCandidates(): string[] {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => [join(dir, 'chromium'), join(dir, 'chromium-browser')])
  return [...new Set([process.env.CHROMIUM_BIN, '/usr/bin/chromium', ...onPath].filter((c): c is string => Boolean(c)))]
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

export interface BrowserRun {
  stdout: string
  /** Requests made on behalf of the page (from Chromium's NetLog), as "METHOD url". */
  pageRequests: string[]
  /** Everything that left the browser, page or Chromium's own services, as the proxy saw it. */
  proxied: string[]
}

/** Opens a local HTML file headless and returns its DOM after load, and the requests it made. */
export function dumpDom(htmlFile: string): Promise<BrowserRun> {
  return runChromium(['--dump-dom', pathToFileURL(htmlFile).href])
}

/** Opens a local HTML file headless and saves a 1280 × 1400 screenshot as a PNG at `pngFile`. */
export function screenshot(htmlFile: string, pngFile: string): Promise<BrowserRun> {
  return runChromium([
    `--screenshot=${pngFile}`,
    '--window-size=1280,1400',
    '--hide-scrollbars',
    pathToFileURL(htmlFile).href,
  ])
}

export function ensureTestOutputDir(): string {
  mkdirSync(testOutputDir, {recursive: true})
  return testOutputDir
}

/**
 * How a request the page makes cannot go unseen:
 * - every http(s) and websocket request leaves Chromium only through a proxy we run, loopback included
 *   (`<-loopback>`); the proxy records it and answers none, so nothing reaches the network;
 * - Chromium also talks to its own services (time, accounts, search) whatever the flags, so the
 *   NetLog (`--log-net-log`, Chromium's own record of every URL request) tells which requests were
 *   made for the page: those whose network isolation key or site for cookies is the `file://` page.
 * A test page that does load something proves both see it (test/e2e/chromium-harness.test.ts).
 */
async function runChromium(args: string[]): Promise<BrowserRun> {
  const chromium = findChromium()
  const {proxy, proxied, port} = await startRecordingProxy()
  const work = mkdtempSync(join(tmpdir(), 'ctx-chromium-'))
  const netLog = join(work, 'netlog.json')
  try {
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${join(work, 'profile')}`,
          `--proxy-server=http://127.0.0.1:${port}`,
          '--proxy-bypass-list=<-loopback>',
          `--log-net-log=${netLog}`,
          ...args,
        ],
        {timeout: 60_000, maxBuffer: 32 * 1024 * 1024},
        (error, out, err) =>
          error
            ? reject(new Error(`chromium failed: ${error.message}\n${String(err).slice(-2000)}`))
            : resolve(String(out)),
      )
    })
    return {stdout, pageRequests: pageRequestsIn(readFileSync(netLog, 'utf8')), proxied: [...proxied]}
  } finally {
    await new Promise((resolve) => proxy.close(resolve))
    rmSync(work, {recursive: true, force: true})
  }
}

interface NetLog {
  constants: {logEventTypes: Record<string, number>}
  events: Array<{type: number; params?: Record<string, unknown>}>
}

/** The network requests of a NetLog made for a `file://` page (not the file itself). */
export function pageRequestsIn(netLogJson: string): string[] {
  const log = JSON.parse(netLogJson) as NetLog
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB
  assert.ok(startJob !== undefined, 'the NetLog names URL_REQUEST_START_JOB events')
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return log.events
    .filter((event) => event.type === startJob && event.params)
    .map((event) => event.params ?? {})
    .filter((params) => !/^(file|data):/.test(text(params.url)))
    .filter(
      (params) =>
        text(params.network_isolation_key).startsWith('file://') ||
        text(params.site_for_cookies).includes('site=file://'),
    )
    .map((params) => `${text(params.method)} ${text(params.url)}`)
}

async function startRecordingProxy(): Promise<{proxy: Server; proxied: string[]; port: number}> {
  const proxied: string[] = []
  const proxy = createServer((request, response) => {
    proxied.push(`${request.method} ${request.url}`)
    response.writeHead(502).end()
  })
  proxy.on('connect', (request, socket) => {
    proxied.push(`CONNECT ${request.url}`)
    socket.destroy()
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  proxy.unref()
  return {proxy, proxied, port: (proxy.address() as AddressInfo).port}
}
