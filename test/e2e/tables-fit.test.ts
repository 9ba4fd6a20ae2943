import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {describe, it} from 'mocha'

import {binPath, runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

/** Runs the built bin on a pseudo-terminal of `columns` columns (util-linux `script`), as a person at a terminal would. */
function runOnTerminal(
  args: string[],
  env: Record<string, string>,
  columns: number,
): Promise<{code: number | null; output: string}> {
  const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`
  const command = `stty cols ${columns}; ${[process.execPath, binPath, ...args].map(quote).join(' ')} 2>/dev/null`
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: {...process.env, NO_COLOR: '1', COLUMNS: String(columns), ...env},
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    })
    // Whole buffers, decoded once: a chunk may end inside a box-drawing character.
    const chunks: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (code) =>
      resolve({code, output: Buffer.concat(chunks).toString('utf8').replaceAll('\r\n', '\n')}),
    )
    child.stdin.end()
  })
}

const boxLines = (output: string) => output.split('\n').filter((line) => /^[┌│├└]/.test(line))

describe('e2e: tables fit an 80-column terminal', () => {
  const suite = useSandboxSuite()

  for (const args of [
    ['product', 'list'],
    ['connector', 'list'],
    ['product', 'history'],
    ['doctor'],
    ['license', 'history'],
    ['endpoints'],
    ['config', 'list'],
  ]) {
    it(`ctx ${args.join(' ')} keeps its box within 80 columns, with a header rule`, async () => {
      const {output} = await runOnTerminal(args, suite.sandbox.env, 80)
      const lines = boxLines(output)
      if (args[1] === 'history' && args[0] === 'product' && lines.length === 0) return // nothing recorded yet
      assert.ok(lines.length >= 4, output)
      assert.deepEqual(
        lines.filter((line) => [...line].length > 80),
        [],
        output,
      )
      assert.equal(lines.filter((line) => line.startsWith('├')).length, 1, output)
      assert.deepEqual(
        lines.filter((line) => /^[┌└]/.test(line)).map((line) => line[0]),
        ['┌', '└'],
        output,
      )
    })
  }

  it('gives a pipe the whole table (ids in full)', async () => {
    const result = await runBin(['product', 'list'], {env: {...suite.sandbox.env, COLUMNS: ''}})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /│ Id +│/)
    assert.match(result.stdout, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/)
  })

  it('colours a disconnected connector on a terminal, never under NO_COLOR', async () => {
    const coloured = await runOnTerminal(['connector', 'list'], {...suite.sandbox.env, NO_COLOR: ''}, 200)
    assert.ok(coloured.output.includes('\u001B[31mDisconnected'), coloured.output)
    const plain = await runOnTerminal(['connector', 'list'], suite.sandbox.env, 200)
    assert.ok(!plain.output.includes('\u001B[31m'), plain.output)
  })
})

describe('e2e: --csv is data on every list', () => {
  const suite = useSandboxSuite()

  it('license history --csv has the --json field names and raw numbers, and no chart', async () => {
    const result = await runBin(['license', 'history', '--months', '3', '--csv'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    const [header, first] = result.stdout.split('\r\n') as [string, string]
    assert.equal(
      header,
      'month,totalAvailableLicenseCount,userCumulativeAssignedCount,userNewAssignedCount,userReleasedCount,deviceCumulativeAssignedCount,deviceNewAssignedCount,deviceReleasedCount',
    )
    assert.match(first, /^\d{4}-\d{2}(,\d+){7}$/)
  })

  it('license history shows thousands separators in the table', async () => {
    const result = await runBin(['license', 'history', '--months', '1', '--wide'], {env: suite.sandbox.env})
    assert.match(result.stdout, /\d,\d{3}/)
  })

  it('config list --csv has key,value,location,source (the --json field names)', async () => {
    const result = await runBin(['config', 'list', '--csv'], {env: suite.sandbox.env})
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout.split('\r\n')[0], 'key,value,location,source')
  })

  it('license customers shows readable headers in the table and field names in CSV', async () => {
    const table = await runBin(['license', 'customers', '--view', 'partner-onprem', '--wide'], {env: suite.sandbox.env})
    assert.equal(table.code, 0, table.stderr)
    assert.match(table.stdout, /│ Account id +│ Account +│ Users +│ Paid users +│ Free users +│/)
    const csv = await runBin(['license', 'customers', '--view', 'partner-onprem', '--csv'], {env: suite.sandbox.env})
    assert.equal(csv.stdout.split('\r\n')[0], 'accountId,accountName,totalUsers,paidUsers,freeUsers')
  })
})
