// Citrix's error envelope, read in one place: by http/ for the `retryDelay` of a 429 or 503, and by
// citrix/ when it turns an error answer into a CitrixApiError. It lives here, below both.

/**
 * [doc] The common error envelope, read tolerantly: `type` is a URL
 * (`https://errors-api.cloud.com/common/notFound`) or a bare code (`"404"`), `parameters` an array of
 * {name, value} or an object, and any field may be null or missing. Every field here is a string or
 * absent, whatever the body held.
 */
export interface CitrixErrorEnvelope {
  type?: string
  detail?: string
  parameters?: unknown
  error?: string
  error_description?: string
}

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== ''
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined

/** The envelope of an error body; anything that is not a JSON object reads as an empty one. */
export function parseErrorEnvelope(body: string | undefined): CitrixErrorEnvelope {
  if (!body) return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return {}
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
  const raw = parsed as Record<string, unknown>
  const envelope: CitrixErrorEnvelope = {}
  const type = textOf(raw.type)
  // RFC 7807's `title`, and a `message` some services send, stand in for a missing `detail`.
  const detail = textOf(raw.detail) ?? textOf(raw.title) ?? textOf(raw.message) ?? textOf(raw.Message)
  const error = textOf(raw.error)
  const description = textOf(raw.error_description)
  if (type !== undefined) envelope.type = type
  if (detail !== undefined) envelope.detail = detail
  if (raw.parameters !== undefined && raw.parameters !== null) envelope.parameters = raw.parameters
  if (error !== undefined) envelope.error = error
  if (description !== undefined) envelope.error_description = description
  return envelope
}

/**
 * The envelope's `parameters` by name, whether Citrix sent an array of {name, value} (any case), an
 * object of name → value, or one {name, value} object (licensing's generic shape). Null values are left out.
 */
export function errorParameters(envelope: CitrixErrorEnvelope): Record<string, string> {
  const out: Record<string, string> = {}
  const {parameters} = envelope
  const pair = (p: unknown) => {
    const entry = p && typeof p === 'object' ? (p as Record<string, unknown>) : {}
    const name = textOf(entry.name ?? entry.Name)
    const value = textOf(entry.value ?? entry.Value)
    if (name !== undefined && value !== undefined) out[name] = value
  }
  if (Array.isArray(parameters)) {
    for (const p of parameters) pair(p)
  } else if (parameters && typeof parameters === 'object') {
    const object = parameters as Record<string, unknown>
    const keys = Object.keys(object)
    if (keys.includes('name') && keys.every((k) => k === 'name' || k === 'value')) {
      pair(object)
    } else {
      for (const [name, value] of Object.entries(object)) {
        const text = textOf(value)
        if (text !== undefined) out[name] = text
      }
    }
  }
  return out
}
