import type {CitrixClient} from '../../citrix/client.js'
import {listLicenseDevices, listLicenseUsers, maxReleaseBatch, releaseLicenseBatch, type LicenseProduct} from '../../citrix/licensing.js'
import {CitrixApiError} from '../../errors.js'

export interface ReleaseCandidate {
  id: string
  kind: 'user' | 'device' | 'given'
  name?: string
  lastLoginDate?: string
}

/** The licenses to release: every expired user and device license (--expired), and the given ids. */
export async function findReleaseCandidates(
  client: CitrixClient,
  options: {product: LicenseProduct; expired: boolean; ids: string[]; signal?: AbortSignal},
): Promise<ReleaseCandidate[]> {
  const candidates = new Map<string, ReleaseCandidate>()
  if (options.expired) {
    for await (const page of listLicenseUsers(client, options.product)) {
      options.signal?.throwIfAborted()
      for (const u of page) if (u.licenseStatus === 'Expired') candidates.set(u.userId, {id: u.userId, kind: 'user', name: u.userName, lastLoginDate: u.lastLoginDate})
    }
    for await (const page of listLicenseDevices(client, options.product)) {
      options.signal?.throwIfAborted()
      for (const d of page) if (d.licenseStatus === 'Expired') candidates.set(d.deviceId, {id: d.deviceId, kind: 'device', name: d.deviceName, lastLoginDate: d.lastLoginDate})
    }
  }
  for (const id of options.ids) if (!candidates.has(id)) candidates.set(id, {id, kind: 'given'})
  return [...candidates.values()]
}

export interface ReleaseResult {
  released: number
  failed: Array<{id: string; reason: string}>
}

/**
 * Releases in batches of at most 100 (the call's limit). A batch Citrix refuses (400: a license
 * that is not expired) counts as failed, with Citrix's reason, and the next batches still go.
 */
export async function releaseLicensesInBatches(
  client: CitrixClient,
  options: {product: LicenseProduct; ids: string[]; signal?: AbortSignal},
): Promise<ReleaseResult> {
  const result: ReleaseResult = {released: 0, failed: []}
  for (let start = 0; start < options.ids.length; start += maxReleaseBatch) {
    options.signal?.throwIfAborted()
    const batch = options.ids.slice(start, start + maxReleaseBatch)
    try {
      const reply = await releaseLicenseBatch(client, options.product, batch)
      result.released += reply.releasedCount
      result.failed.push(...reply.failed)
    } catch (error) {
      if (!(error instanceof CitrixApiError) || error.status !== 400) throw error
      result.failed.push(...batch.map((id) => ({id, reason: error.detail})))
    }
  }
  return result
}
