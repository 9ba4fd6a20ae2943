import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

// Runs before every test file: no colour, no real keychain, fast retries.
process.env.NO_COLOR = '1'
process.env.CTX_KEYCHAIN = 'off'
process.env.CTX_RETRY_BASE_MS = '1'
// Tests never have a terminal to prompt on, even when `npm test` runs in one: a prompt would hang.
Object.defineProperty(process.stdin, 'isTTY', {value: false, configurable: true})
// The built bin's code cache (src/cli/code-cache.ts), shared by the run's child processes as by an admin's
// commands, and never the user's own.
const codeCacheRoot = mkdtempSync(join(tmpdir(), 'ctx-test-cache-'))
process.env.CTX_CACHE_DIR = codeCacheRoot
process.once('exit', () => rmSync(codeCacheRoot, {recursive: true, force: true}))
// Times on a terminal are local: pin the zone so that the expected text is the same on every machine.
process.env.TZ = 'UTC'

// Node 22 only: under tsx's loader hooks, a later `import('exceljs')` (CommonJS) can resolve to an empty
// namespace once the process has done other work (seen after test/unit/output/destination.test.ts's FIFO
// test: `ExcelJS.stream` undefined). The built bin has no loader hooks and is unaffected (the e2e smoke
// exports xlsx on Node 22). Importing it once here, before any test, gives every later import the whole module.
if (process.versions.node.startsWith('22.')) await import('exceljs')
