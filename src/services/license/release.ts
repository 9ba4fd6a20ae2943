import type {CitrixClient} from '../../citrix/client.js'
import {
  listLicenseDevices,
  listLicenseUsers,
  maxReleaseBatch,
  releaseLicenseBatch,
  type LicenseProduct,
} from '../../citrix/licensing.js'
import {CitrixApiError, InterruptedError} from '../../errors.js'

export interface ReleaseCandidate {
  id: string
  kind: 'user' | 'device' | 'given'
  name?: string
  lastLoginDate?: string
}

/** How many licensed users and devices were read so far, looking for expired ones (thousands of pages on a large tenant). */
export interface ReadProgress {
  users: number
  devices: number
}

export interface ReleaseFailure {
  id: string
  reason: string
}

/** The licenses to release: every expired user and device license (--expired), and the given ids. */
export async function findReleaseCandidates(
  client: CitrixClient,
  options: {
    product: LicenseProduct
    expired: boolean
    ids: string[]
    signal?: AbortSignal
    onProgress?: (read: ReadProgress) => void
  },
): Promise<ReleaseCandidate[]> {
  const candidates = new Map<string, ReleaseCandidate>()
  if (options.expired) {
    const read: ReadProgress = {users: 0, devices: 0}
    for await (const page of listLicenseUsers(client, options.product)) {
      options.signal?.throwIfAborted()
      read.users += page.length
      options.onProgress?.({...read})
      for (const u of page)
        if (u.licenseStatus === 'Expired')
          candidates.set(u.userId, {id: u.userId, kind: 'user', name: u.userName, lastLoginDate: u.lastLoginDate})
    }
    for await (const page of listLicenseDevices(client, options.product)) {
      options.signal?.throwIfAborted()
      read.devices += page.length
      options.onProgress?.({...read})
      for (const d of page)
        if (d.licenseStatus === 'Expired')
          candidates.set(d.deviceId, {
            id: d.deviceId,
            kind: 'device',
            name: d.deviceName,
            lastLoginDate: d.lastLoginDate,
          })
    }
  }
  for (const id of options.ids) if (!candidates.has(id)) candidates.set(id, {id, kind: 'given'})
  return [...candidates.values()]
}

export interface ReleaseResult {
  released: number
  failed: ReleaseFailure[]
}

/** Whatever stops one batch (a 503 or a network error after the retries) is counted, and the next batch goes. */
function batchFailureReason(error: unknown, batchNumber: number, batchCount: number): string {
  return `batch ${batchNumber} of ${batchCount} was not released: ${(error as Error).message}`
}

/**
 * Releases in batches of at most 100 (the call's limit), and reports every id. A 429 is retried by the
 * client (Citrix did nothing then). Citrix refuses a whole batch with 400 when one consumer in it is not
 * expired, naming it: that id fails with its own reason and the rest of the batch is sent again; a 400
 * that names no id of the batch is narrowed down by halves. Any other failure (a 503, a network error
 * after the retries) fails that batch's ids, and the next batches still go (issue 15, item 17).
 */
export async function releaseLicensesInBatches(
  client: CitrixClient,
  options: {product: LicenseProduct; ids: string[]; signal?: AbortSignal},
): Promise<ReleaseResult> {
  const result: ReleaseResult = {released: 0, failed: []}
  const batchCount = Math.ceil(options.ids.length / maxReleaseBatch)
  const release = async (ids: string[], batchNumber: number): Promise<void> => {
    try {
      const reply = await releaseLicenseBatch(client, options.product, ids)
      result.released += reply.releasedCount
      result.failed.push(...reply.failed)
    } catch (error) {
      if (!(error instanceof CitrixApiError && error.status === 400)) {
        if (error instanceof InterruptedError) throw error
        result.failed.push(...ids.map((id) => ({id, reason: batchFailureReason(error, batchNumber, batchCount)})))
        return
      }
      // Nothing of this batch was released: find whom the refusal is about.
      const named = ids.filter((id) => error.detail.includes(id))
      if (named.length > 0 || ids.length === 1) {
        const refused = new Set(named.length > 0 ? named : ids)
        result.failed.push(...[...refused].map((id) => ({id, reason: error.detail})))
        const rest = ids.filter((id) => !refused.has(id))
        if (rest.length > 0) await release(rest, batchNumber)
        return
      }
      const half = Math.ceil(ids.length / 2)
      await release(ids.slice(0, half), batchNumber)
      await release(ids.slice(half), batchNumber)
    }
  }
  for (let start = 0; start < options.ids.length; start += maxReleaseBatch) {
    options.signal?.throwIfAborted()
    await release(options.ids.slice(start, start + maxReleaseBatch), start / maxReleaseBatch + 1)
  }
  return result
}

export interface ReleaseOptions {
  product: LicenseProduct
  /** Every expired user and device license of the service. */
  expired: boolean
  /** Ids to release as well (or only). */
  ids: string[]
  dryRun?: boolean
  /** Asked with the exact candidates before anything is released (not on a dry run, nor when there are none). */
  confirm: (candidates: ReleaseCandidate[]) => Promise<boolean>
  signal?: AbortSignal
  onProgress?: (read: ReadProgress) => void
}

/** What happened to one license; the same words and shape as a bulk removal's items (`result`, `error`). */
export type ReleaseItemResult = 'released' | 'failed' | 'would-release'

export interface ReleaseOutcome {
  id: string
  /** The user's or device's name; empty for an id given with --id. */
  name: string
  kind: ReleaseCandidate['kind']
  lastLoginDate?: string
  result: ReleaseItemResult
  /** Citrix's reason, for a license it did not release. */
  error?: string
}

/**
 * The report of `license release`, shaped as bulk removal's (`product|connector remove`): dryRun,
 * confirmed, one item per license with its result, and the counts.
 */
export interface ReleaseReport {
  dryRun: boolean
  /** False when nothing was asked (none, or a dry run) or the user declined; nothing was released then. */
  confirmed: boolean
  items: ReleaseOutcome[]
  released: number
  failed: number
}

const outcomeOf = (c: ReleaseCandidate, result: ReleaseItemResult, error?: string): ReleaseOutcome => ({
  id: c.id,
  name: c.name ?? '',
  kind: c.kind,
  ...(c.lastLoginDate ? {lastLoginDate: c.lastLoginDate} : {}),
  result,
  ...(error === undefined ? {} : {error}),
})

/** Finds the candidates, has them confirmed, then releases them: the one "confirm, then act" flow, as in bulk removal. */
export async function releaseLicenses(client: CitrixClient, options: ReleaseOptions): Promise<ReleaseReport> {
  const candidates = await findReleaseCandidates(client, options)
  const dryRun = options.dryRun ?? false
  if (dryRun)
    return {
      dryRun,
      confirmed: false,
      items: candidates.map((c) => outcomeOf(c, 'would-release')),
      released: 0,
      failed: 0,
    }
  if (candidates.length === 0 || !(await options.confirm(candidates)))
    return {dryRun, confirmed: false, items: [], released: 0, failed: 0}
  const result = await releaseLicensesInBatches(client, {
    product: options.product,
    ids: candidates.map((c) => c.id),
    signal: options.signal,
  })
  // Each failure is matched to its own id (Citrix lists them by id), every other id of a batch was released.
  const reasons = new Map(result.failed.map((f) => [f.id, f.reason]))
  const items = candidates.map((c) =>
    reasons.has(c.id) ? outcomeOf(c, 'failed', reasons.get(c.id)) : outcomeOf(c, 'released'),
  )
  return {
    dryRun,
    confirmed: true,
    items,
    released: items.filter((i) => i.result === 'released').length,
    failed: items.filter((i) => i.result === 'failed').length,
  }
}
