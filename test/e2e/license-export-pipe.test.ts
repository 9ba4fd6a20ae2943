import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {describe, it} from 'mocha'

import {binPath} from '../helpers/run-bin.js'
import {useSandboxSuite} from '../helpers/sandbox.js'

/** `ctx … | head -1` in bash: what head printed, ctx's stderr and ctx's own exit status. */
function intoHead(
  args: string[],
  env: Record<string, string>,
): Promise<{stdout: string; stderr: string; ctxStatus: number}> {
  return new Promise((resolve, reject) => {
    const script = `"${process.execPath}" "${binPath}" ${args.join(' ')} | head -1; echo "ctx-status:\${PIPESTATUS[0]}" >&2`
    const child = spawn('bash', ['-c', script], {
      env: {...process.env, NO_COLOR: '1', ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', () => resolve({stdout, stderr, ctxStatus: Number(/ctx-status:(\d+)/.exec(stderr)?.[1] ?? -1)}))
  })
}

describe('e2e: ctx license export into a reader that stops early', () => {
  const suite = useSandboxSuite()

  it('`| head -1` ends quietly with exit 0, never claiming a false count such as "Exported 0 rows"', async () => {
    const result = await intoHead(['license', 'export', 'users'], suite.sandbox.env)
    assert.equal(result.ctxStatus, 0, result.stderr)
    assert.equal(result.stdout.split('\n').filter(Boolean).length, 1)
    assert.doesNotMatch(result.stderr, /Exported/)
    assert.doesNotMatch(result.stderr, /Error/)
  })
})
