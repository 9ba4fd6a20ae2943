import assert from 'node:assert/strict'
import {describe, it} from 'mocha'

import {runOnTerminal} from '../helpers/pty.js'
import {runBin} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

const chartHeading = 'Assigned licenses by month (users + devices) against available'

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
