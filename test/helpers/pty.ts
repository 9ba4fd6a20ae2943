import {spawn} from 'node:child_process'

import {binPath} from './run-bin.js'

/**
 * Runs the built bin on a pseudo-terminal of `columns` columns (util-linux `script`), as a person at a
 * terminal would; stdout and stderr arrive mixed, as on a screen, with `\r\n` made `\n`.
 */
export function runOnTerminal(
  args: string[],
  env: Record<string, string>,
  columns = 80,
): Promise<{code: number | null; output: string}> {
  const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`
  const command = `stty cols ${columns}; ${[process.execPath, binPath, ...args].map(quote).join(' ')}`
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: {...process.env, NO_COLOR: '1', ...env},
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, output: output.replaceAll('\r\n', '\n')}))
    child.stdin.end()
  })
}
