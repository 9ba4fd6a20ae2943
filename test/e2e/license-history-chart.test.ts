import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {describe, it} from 'mocha'

import {binPath, runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

const chartHeading = 'Assigned licenses by month (users + devices) against available'

/** Runs the built bin on a pseudo-terminal of `columns` columns (util-linux `script`), as a person at a terminal would. */
function runOnTerminal(
  args: string[],
  env: Record<string, string>,
  columns: number,
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

describe('e2e: ctx license history draws its chart on a terminal only', () => {
  const suite = useSandboxSuite()

  it('draws one bar per month under the table on a pseudo-terminal, within its width', async () => {
    const {code, output} = await runOnTerminal(['license', 'history', '--months', '3'], suite.sandbox.env, 100)
    assert.equal(code, 0, output)
    const lines = output.split('\n')
    const heading = lines.indexOf(chartHeading)
    assert.ok(heading > lines.findIndex((line) => line.includes('Month')), output)
    assert.equal(lines.slice(heading).filter((line) => /^\d{4}-\d{2} [ !] [#=]/.test(line)).length, 3)
    assert.ok(
      lines.slice(heading).every((line) => line.length <= 100),
      output,
    )
  })

  it('draws no chart when stdout is a pipe', async () => {
    const result = await runBin(['license', 'history', '--months', '3'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /Month/)
    assert.ok(!result.stdout.includes(chartHeading))
  })
})
