import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

// A small file system of its own, to fill up or make read-only: a tmpfs mount (Linux, root). Where
// mounting is not allowed, tests say why and skip; the same logic is covered by injected errors.

export interface Tmpfs {
  dir: string
  /** Makes it read-only (root ignores file modes: only a read-only mount stops it). */
  readOnly(): void
  /** Fills it up, leaving `freeBytes` (rounded to pages by tmpfs); the filler is `filler` in `dir`. */
  fill(freeBytes?: number): void
  unmount(): void
}

function run(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, {encoding: 'utf8'})
  if (result.status === 0) return undefined
  return (result.stderr || result.error?.message || `exit ${result.status}`).trim()
}

/** Mounts a tmpfs of `sizeKiB`; a string says why it cannot be done here. */
export function mountTmpfs(sizeKiB = 200): Tmpfs | string {
  if (process.platform !== 'linux') return 'tmpfs mounts are Linux only'
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root'
  const dir = mkdtempSync(join(tmpdir(), 'ctx-tmpfs-'))
  const failure = run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0777`, 'tmpfs', dir])
  if (failure) {
    rmSync(dir, {recursive: true, force: true})
    return `mount -t tmpfs is not permitted here: ${failure}`
  }
  return {
    dir,
    readOnly() {
      const error = run('mount', ['-o', 'remount,ro', dir])
      if (error) throw new Error(`cannot remount ${dir} read-only: ${error}`)
    },
    fill(freeBytes = 0) {
      const filler = join(dir, 'filler')
      run('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4096']) // fails once full, as meant
      if (freeBytes > 0) {
        const error = run('truncate', ['-s', `-${Math.ceil(freeBytes / 4096) * 4096}`, filler])
        if (error) throw new Error(`cannot free ${freeBytes} bytes: ${error}`)
      }
    },
    unmount() {
      run('umount', [dir])
      rmSync(dir, {recursive: true, force: true})
    },
  }
}

/** In a mocha test: the tmpfs, or the test skipped with the reason in its title. */
export function tmpfsOrSkip(context: Mocha.Context, sizeKiB?: number): Tmpfs {
  const mounted = mountTmpfs(sizeKiB)
  if (typeof mounted === 'string') {
    if (context.test) context.test.title += ` (skipped: ${mounted})`
    context.skip()
  }
  return mounted as Tmpfs
}
