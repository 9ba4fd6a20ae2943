import assert from 'node:assert/strict'
import {existsSync, readdirSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {describe, it} from 'mocha'

import {schemasDir} from '../helpers/json-shape.js'

const commandsDir = fileURLToPath(new URL('../../src/commands/', import.meta.url))

/** Commands without a --json document: `ctx help` prints help text only. */
const withoutJson = new Set(['help'])

/** Every command's file name, `product/remove.ts` as `product-remove` (the name its snapshots start with). */
function commandNames(): string[] {
  return readdirSync(commandsDir, {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length).split(/[\\/]/).join('-'))
    .sort()
}

describe('locked --json shapes: every command', () => {
  it('has a snapshot in schemas/ (<topic>-<command>.json, or .<variant>.json per document it can print)', () => {
    assert.ok(existsSync(schemasDir), 'schemas/ exists')
    const snapshots = readdirSync(schemasDir)
    const missing = commandNames().filter(
      (name) =>
        !withoutJson.has(name) && !snapshots.some((file) => file === `${name}.json` || file.startsWith(`${name}.`)),
    )
    assert.deepEqual(missing, [], 'these commands have no locked --json shape: add a test under test/json-shapes/')
  })
})
