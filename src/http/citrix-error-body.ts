// Citrix's error envelope, read in one place: by http/ for the `retryDelay` of a 429 or 503, and by
// citrix/ when it turns an error answer into a CitrixApiError. It lives here, below both.

/** [doc] The common error envelope; some services send `parameters` as an object. */
export interface CitrixErrorEnvelope {
  type?: string
  detail?: string
  parameters?: Array<{name?: string; value?: unknown}> | Record<string, unknown>
  error?: string
  error_description?: string
}

/** The envelope of an error body; anything that is not a JSON object reads as an empty one. */
export function parseErrorEnvelope(body: string | undefined): CitrixErrorEnvelope {
  if (!body) return {}
  try {
    const parsed: unknown = JSON.parse(body)
    return parsed && typeof parsed === 'object' ? (parsed as CitrixErrorEnvelope) : {}
  } catch {
    return {}
  }
}

/** The envelope's `parameters` by name, whether Citrix sent an array of {name, value} or an object. */
export function errorParameters(envelope: CitrixErrorEnvelope): Record<string, string> {
  const out: Record<string, string> = {}
  const {parameters} = envelope
  if (Array.isArray(parameters)) {
    for (const p of parameters) if (p?.name) out[p.name] = String(p.value)
  } else if (parameters && typeof parameters === 'object') {
    for (const [name, value] of Object.entries(parameters)) out[name] = String(value)
  }
  return out
}
