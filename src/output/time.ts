import ms from 'ms'

/** `2026-08-01 10:00 (115d ago)`: the UTC minute, and how long ago for a quick read of staleness. */
export function formatWhen(iso: string | null, now = new Date()): string {
  // Citrix may send no time at all (a registration's last contact, say): say so rather than print nothing.
  if (iso === null || iso === '') return 'unknown'
  const time = Date.parse(iso)
  if (Number.isNaN(time)) return iso
  const stamp = new Date(time).toISOString().slice(0, 16).replace('T', ' ')
  const age = now.getTime() - time
  return age >= 60_000 ? `${stamp} (${ms(age)} ago)` : `${stamp} (now)`
}
