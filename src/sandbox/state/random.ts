// Deterministic data: the same seed gives the same sandbox. mulberry32 is small, fast and good enough
// for plausible test data; `rowRandom(seed, i)` lets row i be made without making rows 0..i-1.

export type Random = () => number

export function createRandom(seed: number): Random {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A generator for row `index` of a table, independent of every other row. */
export function rowRandom(seed: number, table: string, index: number): Random {
  let h = seed >>> 0
  for (const ch of `${table}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
  return createRandom(h)
}

export function pickOne<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

/** A v4-shaped UUID drawn from the generator (deterministic, not cryptographic). */
export function uuidFrom(random: Random): string {
  const hex = Array.from({length: 32}, () => Math.floor(random() * 16).toString(16)).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}
