export interface LoggedRequest {
  at: string
  method: string
  /** Path and query, as received. */
  url: string
  status: number
  ms: number
  transactionId?: string
  contentType?: string
  accept?: string
}

/** What the sandbox was asked, newest last; tests read it in-process or at GET /_sandbox/requests. */
export class RequestLog {
  private entries: LoggedRequest[] = []

  constructor(private readonly max = 50_000) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry)
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max)
  }

  all(): LoggedRequest[] {
    return [...this.entries]
  }

  clear(): void {
    this.entries = []
  }
}
