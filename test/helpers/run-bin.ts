import {spawn} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const binPath = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export interface BinResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Runs the built `bin/run.js` as a child process, with no terminal (stdin is a pipe).
 * Asynchronous on purpose: a sandbox in the test process must keep answering meanwhile.
 */
export function runBin(
  args: string[],
  options: {env?: Record<string, string | undefined>; input?: string; timeoutMs?: number} = {},
): Promise<BinResult> {
  return runProcess(process.execPath, [binPath, ...args], {...options, env: {NO_COLOR: '1', ...options.env}})
}

/** Runs a command as a child process with no terminal, this process's environment plus `env`, and collects its output. */
export function runProcess(
  command: string,
  args: string[],
  options: {env?: Record<string, string | undefined>; input?: string; timeoutMs?: number} = {},
): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: {...process.env, ...options.env},
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 60_000,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({code, signal, stdout, stderr}))
    child.stdin.end(options.input ?? '')
  })
}
