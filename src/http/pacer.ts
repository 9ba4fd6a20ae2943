// After a 429, requests are paced instead of fired as fast as the workers can: the rate that
// was just refused, less one, becomes the ceiling, and every few quiet seconds it is raised by
// one (additive increase), so a rate limit costs an occasional 429, not a storm of them.

const window = 1000
const quietBeforeRaiseMs = 3000

export class RequestPacer {
  private starts: number[] = []
  private perSecond?: number
  private nextSlot = 0
  private lastChange = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the next request must wait for its slot; the slot is taken. */
  reserve(): number {
    const now = this.now()
    this.starts = this.starts.filter((t) => now - t < window)
    if (this.perSecond === undefined) {
      this.starts.push(now)
      return 0
    }
    if (now - this.lastChange > quietBeforeRaiseMs) {
      this.perSecond += 1
      this.lastChange = now
    }
    const slot = Math.max(now, this.nextSlot)
    this.nextSlot = slot + window / this.perSecond
    this.starts.push(slot)
    return slot - now
  }

  /** A 429 came back: pace at one less than what was started in the last second. */
  rateLimited(): void {
    const now = this.now()
    const recent = this.starts.filter((t) => now - t < window).length
    this.perSecond = Math.max(1, Math.min(this.perSecond ?? Infinity, recent - 1))
    this.lastChange = now
  }

  get ceiling(): number | undefined {
    return this.perSecond
  }
}
