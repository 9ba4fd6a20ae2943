import assert from 'node:assert/strict'
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {fileDestination} from '../../../src/output/destination.js'
import {writeChunk} from '../../../src/output/export-writer.js'

describe('file destination', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ctx-dest-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('shows the file only once committed, replacing the old one', async () => {
    const path = join(dir, 'out.csv')
    writeFileSync(path, 'old')
    const destination = await fileDestination(path)
    await writeChunk(destination.stream, 'new')
    assert.equal(readFileSync(path, 'utf8'), 'old')
    await destination.commit()
    assert.equal(readFileSync(path, 'utf8'), 'new')
    assert.deepEqual(readdirSync(dir), ['out.csv'])
  })

  it('leaves the old file intact and no temporary file when discarded', async () => {
    const path = join(dir, 'out.csv')
    writeFileSync(path, 'old')
    const destination = await fileDestination(path)
    await writeChunk(destination.stream, 'half')
    await destination.discard()
    assert.equal(readFileSync(path, 'utf8'), 'old')
    assert.deepEqual(readdirSync(dir), ['out.csv'])
  })

  it('fails with exit 2 when the folder does not exist', async () => {
    await assert.rejects(fileDestination(join(dir, 'missing', 'out.csv')), (error: {exitCode: number}) => error.exitCode === 2)
  })
})
