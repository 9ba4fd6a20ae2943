import assert from 'node:assert/strict'
import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'

import {describe, it} from 'mocha'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('docs/commands.md, the command reference', () => {
  it('is what scripts/commands-doc.mjs writes from the built command definitions', async () => {
    // Exits 1 and says how to regenerate it when the file differs (a command, flag or example changed).
    const result = await promisify(execFile)(process.execPath, ['scripts/commands-doc.mjs', '--check'], {
      cwd: root,
    }).catch((error: {stderr: string}) => error)
    assert.equal(result.stderr, '')
  })
})
