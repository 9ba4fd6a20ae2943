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
  return out.length > maxLength ? `${out.slice(0, maxLength)}… (${out.length} characters)` : out
}
