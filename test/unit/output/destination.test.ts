import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, it} from 'mocha'

import {ExitCode} from '../../../src/errors.js'
import {checkOutTarget, fileDestination, removeStalePartials} from '../../../src/output/destination.js'
import {writeChunk} from '../../../src/output/export-writer.js'

const exits = (code: number) => (error: {exitCode?: number}) => error.exitCode === code
const modeOf = (path: string) => statSync(path).mode & 0o777
const posix = process.platform !== 'win32'

/** A pid that surely does not run: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

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
    await assert.rejects(fileDestination(join(dir, 'missing', 'out.csv')), exits(2))
  })

  it('turns a stream failing with ENOSPC into exit 11 naming the file, and discards its temporary file', async () => {
    const path = join(dir, 'out.csv')
    writeFileSync(path, 'old')
    const destination = await fileDestination(path)
    await writeChunk(destination.stream, 'part')
    destination.stream.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), {code: 'ENOSPC'}))
    await assert.rejects(destination.failed, (error: Error & {exitCode: number}) => {
      assert.equal(error.exitCode, ExitCode.localIo)
      assert.equal(error.message, `Cannot write ${path}: no space left on the device (ENOSPC).`)
      return true
    })
    await destination.discard()
    assert.deepEqual(readdirSync(dir), ['out.csv'])
    assert.equal(readFileSync(path, 'utf8'), 'old')
  })

  describe('file modes (exports hold user names)', () => {
    beforeEach(function () {
      if (!posix) this.skip()
    })

    it('creates a new file 0600 whatever the umask', async () => {
      const path = join(dir, 'new.csv')
      const umask = process.umask(0o022)
      try {
        const destination = await fileDestination(path)
        await destination.commit()
      } finally {
        process.umask(umask)
      }
      assert.equal(modeOf(path), 0o600)
    })

    it('keeps the mode of the file it replaces: a 0600 file stays 0600, a 0640 one 0640', async () => {
      for (const mode of [0o600, 0o640]) {
        const path = join(dir, `kept-${mode.toString(8)}.csv`)
        writeFileSync(path, 'old', {mode})
        const destination = await fileDestination(path)
        await writeChunk(destination.stream, 'new')
        await destination.commit()
        assert.equal(modeOf(path), mode, `mode ${mode.toString(8)}`)
      }
    })

    it('gives the file exactly the mode asked for, umask or not', async () => {
      const path = join(dir, 'asked.csv')
      const umask = process.umask(0o077)
      try {
        const destination = await fileDestination(path, {mode: 0o640})
        await destination.commit()
      } finally {
        process.umask(umask)
      }
      assert.equal(modeOf(path), 0o640)
    })
  })

  describe('stale partial files', () => {
    it("removes the partial files of the same target whose writer is gone, and keeps a live writer's and other targets'", async () => {
      const path = join(dir, 'users.csv')
      const dead = `.users.csv.${deadPid()}.m0abc.partial`
      const live = `.users.csv.${process.ppid}.m0abd.partial` // the test runner's parent: running
      const other = `.devices.csv.${deadPid()}.m0abe.partial`
      for (const name of [dead, live, other]) writeFileSync(join(dir, name), 'half')
      const destination = await fileDestination(path)
      await destination.commit()
      assert.deepEqual(readdirSync(dir).sort(), [other, live, 'users.csv'].sort())
    })

    it('says which it removed, and leaves names that only look alike', async () => {
      const path = join(dir, 'users.csv')
      const dead = `.users.csv.${deadPid()}.zz9.partial`
      const lookalike = '.users.csv.bak.partial'
      for (const name of [dead, lookalike]) writeFileSync(join(dir, name), 'half')
      assert.deepEqual(await removeStalePartials(path), [dead])
      assert.deepEqual(readdirSync(dir), [lookalike])
    })
  })
})

describe('--out target, checked before the first request', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ctx-target-'))))
  afterEach(() => rmSync(dir, {recursive: true, force: true}))

  it('takes no --out and `-` as stdout', async () => {
    assert.deepEqual(await checkOutTarget(undefined), {kind: 'stdout'})
    assert.deepEqual(await checkOutTarget('-'), {kind: 'stdout'})
  })

  it('takes a new or an existing regular file in an existing folder as a file', async () => {
    writeFileSync(join(dir, 'old.csv'), 'x')
    assert.deepEqual(await checkOutTarget(join(dir, 'old.csv')), {kind: 'file', path: join(dir, 'old.csv')})
    assert.deepEqual(await checkOutTarget(join(dir, 'new.csv')), {kind: 'file', path: join(dir, 'new.csv')})
  })

  it('refuses a folder with exit 2', async () => {
    mkdirSync(join(dir, 'folder'))
    await assert.rejects(
      checkOutTarget(join(dir, 'folder')),
      (error: Error & {exitCode: number}) => error.exitCode === 2 && /is a folder/.test(error.message),
    )
  })

  it('refuses a file in a folder that does not exist with exit 2', async () => {
    await assert.rejects(
      checkOutTarget(join(dir, 'missing', 'x.csv')),
      (error: Error & {exitCode: number}) => error.exitCode === 2 && /does not exist/.test(error.message),
    )
  })

  it('refuses a symbolic link to a file, naming the file, and a dangling one (exit 2)', async function () {
    if (!posix) this.skip()
    writeFileSync(join(dir, 'real.csv'), 'keep')
    symlinkSync(join(dir, 'real.csv'), join(dir, 'link.csv'))
    symlinkSync(join(dir, 'nothing.csv'), join(dir, 'dangling.csv'))
    await assert.rejects(checkOutTarget(join(dir, 'link.csv')), (error: Error & {exitCode: number; hint?: string}) => {
      assert.equal(error.exitCode, 2)
      assert.match(error.message, /symbolic link/)
      assert.ok(error.hint?.endsWith('real.csv'), error.hint)
      return true
    })
    await assert.rejects(checkOutTarget(join(dir, 'dangling.csv')), exits(2))
    assert.equal(readFileSync(join(dir, 'real.csv'), 'utf8'), 'keep')
  })

  it('takes a FIFO and a character device as a stream, written straight into', async function () {
    if (!posix) this.skip()
    const fifo = join(dir, 'pipe')
    if (spawnSync('mkfifo', [fifo]).status !== 0) this.skip()
    assert.deepEqual(await checkOutTarget(fifo), {kind: 'stream', path: fifo})
    assert.deepEqual(await checkOutTarget('/dev/null'), {kind: 'stream', path: '/dev/null'})
  })
})
