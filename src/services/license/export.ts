import type {CitrixClient} from '../../citrix/client.js'
import {InterruptedError} from '../../errors.js'
import {fileDestination, stdoutDestination, type Destination} from '../../output/destination.js'
import {createRowWriter, type ExportFormat} from '../../output/export-writer.js'
import {openDataset, type DatasetOptions, type ExportDataset} from './datasets.js'

export interface ExportOptions extends DatasetOptions {
  dataset: ExportDataset
  format: ExportFormat
  /** A file path; stdout when absent. */
  out?: string
  excelBom?: boolean
  signal?: AbortSignal
  onProgress?: (rows: number, total?: number) => void
}

export interface LicenseExportResult {
  dataset: ExportDataset
  format: ExportFormat
  rows: number
  out?: string
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
 * temporary file renamed at the end, and thrown away on any failure or interruption.
 */
export async function exportLicenseData(client: CitrixClient, options: ExportOptions): Promise<LicenseExportResult> {
  const source = await untilAborted(openDataset(client, options.dataset, options), options.signal)
  const destination: Destination = options.out ? await fileDestination(options.out) : stdoutDestination()
  let rows = 0
  const discardNow = () => destination.discardNow()
  options.signal?.addEventListener('abort', discardNow, {once: true})
  try {
    const writer = await createRowWriter(options.format, source.columns, destination.stream, {
      excelBom: options.excelBom,
      sheetName: options.dataset,
    })
    const pages = source.pages[Symbol.asyncIterator]()
    for (;;) {
      const page = await untilAborted(pages.next(), options.signal)
      if (page.done) break
      await untilAborted(writer.writePage(page.value), options.signal)
      rows += page.value.length
      options.onProgress?.(rows, source.total)
    }
    await writer.end()
    await destination.commit()
  } catch (error) {
    await destination.discard()
    // A reader that stops early (`| head`) is not a failure of the export.
    if (!options.out && (error as NodeJS.ErrnoException).code === 'EPIPE') return {dataset: options.dataset, format: options.format, rows}
    throw error
  } finally {
    options.signal?.removeEventListener('abort', discardNow)
  }
  return {dataset: options.dataset, format: options.format, rows, out: options.out}
}
