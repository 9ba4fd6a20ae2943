import {spawn, spawnSync} from 'node:child_process'

// A disk that fills up, without root: the file size limit (RLIMIT_FSIZE, `ulimit -f`) makes a write
// past it fail with EFBIG, part of it written, as a full disk does with ENOSPC. Node ignores
// SIGXFSZ, so the process sees the error rather than being killed. POSIX shells only.

/** Why the limit cannot be set here, or undefined when it can. */
export function fileSizeLimitUnavailable(): string | undefined {
  if (process.platform === 'win32') return 'no ulimit on Windows'
  const probe = spawnSync('bash', ['-c', 'ulimit -f 1'], {encoding: 'utf8'})
  return probe.status === 0 ? undefined : `bash cannot set ulimit -f: ${probe.stderr || probe.error?.message}`
}

export interface LimitedRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `node <args>` with files limited to `kib` KiB each. */
export function runWithFileSizeLimit(
  kib: number,
  args: string[],
  options: {env?: Record<string, string | undefined>; input?: string} = {},
): Promise<LimitedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `ulimit -f ${kib} && exec "$0" "$@"`, process.execPath, ...args], {
      env: {...process.env, NO_COLOR: '1', ...options.env},
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, stdout, stderr}))
    child.stdin.end(options.input ?? '')
  })
}
