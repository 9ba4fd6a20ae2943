import type {CitrixClient} from '../../citrix/client.js'
import {InterruptedError} from '../../errors.js'
import {checkOutTarget, openDestination, type Destination, type OutTarget} from '../../output/destination.js'
import {createRowWriter, type ExportFormat} from '../../output/export-writer.js'
import {asLocalIoError} from '../../util/local-io.js'
import {openDataset, type DatasetOptions, type ExportDataset} from './datasets.js'

export interface ExportOptions extends DatasetOptions {
  dataset: ExportDataset
  format: ExportFormat
  /** A file path (or a pipe); stdout when absent or `-`. */
  out?: string
  /** The mode of the file written; default: an existing file's own, else 0600. */
  mode?: number
  excelBom?: boolean
  signal?: AbortSignal
  onProgress?: (rows: number, total?: number) => void
  /** Opens where the rows go (tests inject one whose disk fills up). */
  openDestination?: (target: OutTarget, options: {mode?: number}) => Promise<Destination>
}

export interface LicenseExportResult {
  dataset: ExportDataset
  format: ExportFormat
  /** Rows written; when the reader left early, those handed to the pipe before it closed (not all were read). */
  rows: number
  out?: string
  /** The reader of stdout stopped early (`| head`): no count of what it read can be given. */
  readerLeft?: true
}

/** Resolves with the promise, or rejects as soon as the signal aborts (Ctrl-C mid-page). */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  signal.throwIfAborted()
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new InterruptedError())
    signal.addEventListener('abort', onAbort, {once: true})
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/**
 * Streams a dataset page by page into a writer. A file is complete or absent: it is written to a
 * temporary file renamed at the end, and thrown away on any failure or interruption. The target is
 * checked before the first request (a folder, a missing folder: exit 2 at once, not after every row).
 */
export async function exportLicenseData(client: CitrixClient, options: ExportOptions): Promise<LicenseExportResult> {
  const target = await checkOutTarget(options.out)
  const out = target.kind === 'stdout' ? undefined : target.path
  const source = await untilAborted(openDataset(client, options.dataset, options), options.signal)
  const destination: Destination = await (options.openDestination ?? openDestination)(target, {mode: options.mode})
  let rows = 0
  const discardNow = () => destination.discardNow()
  options.signal?.addEventListener('abort', discardNow, {once: true})
  // A full disk fails the stream, and a writer waiting for 'drain' would wait forever: every wait races it.
  // Not with Promise.race against `failed` itself: a promise that never settles keeps a reaction per race,
  // and each reaction the page it settled with, so a million rows stayed in memory. One listener turns
  // the failure into a signal; each wait adds and removes its own listener on it.
  const failure = new AbortController()
  destination.failed.catch((error: unknown) => failure.abort(error))
  const stop = options.signal ? AbortSignal.any([options.signal, failure.signal]) : failure.signal
  const guarded = <T>(promise: Promise<T>) => untilAborted(promise, stop)
  try {
    const writer = await guarded(
      createRowWriter(options.format, source.columns, destination.stream, {
        excelBom: options.excelBom,
        sheetName: options.dataset,
      }),
    )
    const pages = source.pages[Symbol.asyncIterator]()
    // Each page is encoded the moment it arrives, and the next one asked for, while the one before is still
    // being written: the parsed rows then die at once. Left waiting for the disk as objects, they were often
    // alive when V8 collected its young generation, and promoted (about 10 MB of peak at a million rows).
    const encodeNext = () =>
      pages
        .next()
        .then((page) => (page.done ? undefined : {rows: page.value.length, bytes: writer.encodePage(page.value)}))
    let next = encodeNext()
    for (;;) {
      const page = await guarded(next)
      if (!page) break
      next = encodeNext()
      next.catch(() => undefined) // a page never reached (the write failed) must not be an unhandled rejection
      await guarded(writer.write(page.bytes))
      rows += page.rows
      options.onProgress?.(rows, source.total)
    }
    await guarded(writer.end())
    await destination.commit()
  } catch (error) {
    await destination.discard()
    // A reader that stops early (`| head`) is not a failure of the export.
    if (target.kind === 'stdout' && (error as NodeJS.ErrnoException).code === 'EPIPE')
      return {dataset: options.dataset, format: options.format, rows, readerLeft: true}
    throw asLocalIoError(error, `Cannot write ${out ?? 'to stdout'}`)
  } finally {
    options.signal?.removeEventListener('abort', discardNow)
  }
  return {dataset: options.dataset, format: options.format, rows, out}
}
