// Everything --debug prints passes through here first: no secret may reach the terminal or a log.

const secretHeader = /^(authorization|proxy-authorization|cookie|set-cookie)$/i
const secretField = /(secret|password|token|authorization|credential)/i
const redacted = '[redacted]'

export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(headers)) {
    out[name] = secretHeader.test(name) ? redacted : value
  }
  return out
}

function redactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactValue)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, inner] of Object.entries(value)) {
      out[key] = secretField.test(key) && typeof inner !== 'object' ? redacted : redactValue(inner)
    }
    return out
  }
  return value
}

/** Redacts a request or response body given as text: JSON, a form, or anything else (left as is, cut short). */
export function redactBody(text: string, maxLength = 2000): string {
  if (text === '') return text
  let out: string
  try {
    out = JSON.stringify(redactValue(JSON.parse(text)))
  } catch {
    if (/^[\w.%-]+=/.test(text) && !text.includes(' ')) {
      const form = new URLSearchParams(text)
      for (const key of [...form.keys()]) if (secretField.test(key)) form.set(key, redacted)
      out = form.toString()
    } else {
      out = text
    }
  }
  // Known secret values go before the cut, so that a cut never leaves part of one.
  out = redactSecrets(out)
  return out.length > maxLength ? `${out.slice(0, maxLength)}… (${out.length} characters)` : out
}

// Issue 15, item 10: a server may echo a secret back (an error body quoting the request), under any
// key or none. So besides the keys above, the values themselves are known here, and every printed
// text (errors, --json, --debug, notes) has them replaced, wherever they appear.
const knownSecrets = new Set<string>()
/** Shorter values would match ordinary text; no real client secret, token or password is this short. */
const shortestSecret = 6

/** Remembers a secret value (client secret, token, appliance password) so that it is never printed. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= shortestSecret) knownSecrets.add(value)
}

/** The secrets of the environment ctx reads, known from the start. */
export function registerEnvironmentSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of ['CTX_CLIENT_SECRET', 'CITRIX_CLIENT_SECRET', 'CTX_APPLIANCE_PASSWORD']) registerSecret(env[name])
}

/** The text with every known secret value replaced (longest first, so that one inside another goes whole). */
export function redactSecrets(text: string): string {
  if (knownSecrets.size === 0 || text === '') return text
  let out = text
  for (const secret of [...knownSecrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(secret)) out = out.split(secret).join(redacted)
    // A secret as it appears inside a JSON string or a form body.
    for (const encoded of [JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]) {
      if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(redacted)
    }
  }
  return out
}

/** A JSON value with every known secret redacted in its strings (keys included), for --json output. */
export function redactSecretsDeep<T>(value: T): T {
  if (knownSecrets.size === 0) return value
  const walk = (inner: unknown): unknown => {
    if (typeof inner === 'string') return redactSecrets(inner)
    if (Array.isArray(inner)) return inner.map(walk)
    if (inner && typeof inner === 'object' && Object.getPrototypeOf(inner) === Object.prototype) {
      return Object.fromEntries(Object.entries(inner).map(([key, v]) => [redactSecrets(key), walk(v)]))
    }
    return inner
  }
  return walk(value) as T
}
