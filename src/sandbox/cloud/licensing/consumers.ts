import type {LicenseDeviceWire, LicenseUserWire} from '../../../citrix/licensing.js'
import {intBetween, pickOne, rowRandom, type Random} from '../../state/random.js'
import type {SandboxState} from '../../state/types.js'
import type {Page} from '../paging.js'

// Licensed users and devices, generated row by row from the seed and the row's index, so that a
// million of them never sit in memory. Only what changes (released licenses) is stored.

export type ConsumerKind = 'users' | 'devices'

const dayMs = 86_400_000
const firstNames = [
  'ada',
  'alan',
  'grace',
  'linus',
  'margaret',
  'dennis',
  'barbara',
  'ken',
  'frances',
  'tim',
  'radia',
  'edsger',
  'hedy',
  'john',
  'sophie',
  'niklaus',
]
const lastNames = [
  'lovelace',
  'turing',
  'hopper',
  'torvalds',
  'hamilton',
  'ritchie',
  'liskov',
  'thompson',
  'allen',
  'berners-lee',
  'perlman',
  'dijkstra',
  'lamarr',
  'backus',
  'wilson',
  'wirth',
]
const devicePrefixes = ['LT', 'DESKTOP', 'VDI', 'IPAD', 'ANDROID', 'MAC']

/**
 * Rows that a spreadsheet would run as a formula, or that need CSV quoting, so that the
 * neutralisation and the RFC 4180 quoting are exercised by every export.
 */
const awkwardUserNames: Record<number, string> = {
  2: '=HYPERLINK("https://evil.example/","Payroll")',
  3: 'O\'Brien, "Pat"',
  5: '+ops@contoso.example',
}

/** The seeded share of licenses that have expired (and can be released). */
const expiredShare = 0.08

/** A UUID-shaped id whose last 12 hex digits are the row index, so an id leads back to its row. */
function idFor(random: Random, index: number): string {
  const hex = (digits: number) =>
    Math.floor(random() * 16 ** digits)
      .toString(16)
      .padStart(digits, '0')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)]}${hex(3)}-${index.toString(16).padStart(12, '0')}`
}

function datesFor(random: Random, anchorMs: number) {
  const assigned = anchorMs - intBetween(random, 1, 720) * dayMs - intBetween(random, 0, 86_399) * 1000
  const expired = random() < expiredShare
  // An expired license has not been used for a long while; an active one recently.
  const lastLogin = expired
    ? assigned + Math.floor(random() * Math.max(0, anchorMs - 90 * dayMs - assigned))
    : anchorMs - intBetween(random, 0, 29) * dayMs - intBetween(random, 0, 86_399) * 1000
  return {
    licenseAssignedDate: new Date(assigned).toISOString(),
    lastLoginDate: new Date(Math.max(lastLogin, assigned)).toISOString(),
    licenseStatus: expired ? ('Expired' as const) : ('Active' as const),
  }
}

export function licenseUser(seed: number, segment: string, anchorMs: number, index: number): LicenseUserWire {
  const random = rowRandom(seed, `users:${segment}`, index)
  const userId = idFor(random, index)
  const generated = `${pickOne(random, firstNames)}.${pickOne(random, lastNames)}${index}@contoso.example`
  const {licenseAssignedDate, lastLoginDate, licenseStatus} = datesFor(random, anchorMs)
  return {userId, userName: awkwardUserNames[index] ?? generated, licenseAssignedDate, lastLoginDate, licenseStatus}
}

export function licenseDevice(seed: number, segment: string, anchorMs: number, index: number): LicenseDeviceWire {
  const random = rowRandom(seed, `devices:${segment}`, index)
  const deviceId = idFor(random, index)
  const deviceName = `${pickOne(random, devicePrefixes)}-${intBetween(random, 10_000, 99_999)}`
  const enrollmentStatus = random() < 0.9 ? ('Enrolled' as const) : ('Unenrolled' as const)
  const {licenseAssignedDate, lastLoginDate, licenseStatus} = datesFor(random, anchorMs)
  return {deviceId, deviceName, enrollmentStatus, licenseAssignedDate, lastLoginDate, licenseStatus}
}

export type Consumer = LicenseUserWire | LicenseDeviceWire

export interface ConsumerTable {
  kind: ConsumerKind
  size: number
  row(index: number): Consumer
  idOf(row: Consumer): string
}

export function consumerTable(state: SandboxState, segment: string, kind: ConsumerKind): ConsumerTable {
  const {seed, sizes} = state.settings
  const anchorMs = Date.parse(state.createdAt)
  return kind === 'users'
    ? {
        kind,
        size: sizes.users,
        row: (i) => licenseUser(seed, segment, anchorMs, i),
        idOf: (r) => (r as LicenseUserWire).userId,
      }
    : {
        kind,
        size: sizes.devices,
        row: (i) => licenseDevice(seed, segment, anchorMs, i),
        idOf: (r) => (r as LicenseDeviceWire).deviceId,
      }
}

/** The user or device an id names, found through the index in its last 12 hex digits. */
export function findConsumer(
  state: SandboxState,
  segment: string,
  id: string,
): {kind: ConsumerKind; row: Consumer} | undefined {
  const match = /-([0-9a-f]{12})$/.exec(id)
  if (!match) return undefined
  const index = Number.parseInt(match[1]!, 16)
  for (const kind of ['users', 'devices'] as const) {
    const table = consumerTable(state, segment, kind)
    if (index >= table.size) continue
    const row = table.row(index)
    if (table.idOf(row) === id) return {kind, row}
  }
  return undefined
}

export function releasedIds(state: SandboxState, segment: string): Set<string> {
  return new Set(state.licensing.releasedConsumerIds[segment] ?? [])
}

/** Rows still holding a license (released ones are gone), from `start`, at most `limit` of them. */
export function consumerPage(
  table: ConsumerTable,
  released: Set<string>,
  start: number,
  limit: number,
): Page<Consumer> {
  const items: Consumer[] = []
  let index = start
  while (index < table.size && items.length < limit) {
    const row = table.row(index++)
    if (!released.has(table.idOf(row))) items.push(row)
  }
  return {items, next: index < table.size ? index : undefined}
}

/** Every row still holding a license, in order: what a complete export must contain exactly once. */
export function* allConsumers(table: ConsumerTable, released: Set<string>): Generator<Consumer> {
  for (let index = 0; index < table.size; index++) {
    const row = table.row(index)
    if (!released.has(table.idOf(row))) yield row
  }
}
