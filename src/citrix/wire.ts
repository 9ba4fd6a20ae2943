import {UnavailableError} from '../errors.js'
import type {Endpoint} from './endpoints.js'

// Reading Citrix's answers tolerantly (the top of citrix-api.md): Citrix's own samples disagree, so a
// string may come as null or a number, a list under one envelope name or another, and fields ctx does
// not know come and go. Readers take what is there; only a field ctx needs and cannot do without is an
// error, exit 8 naming the call and the field, never a crash or `undefined` in a table.

export type WireRecord = Record<string, unknown>

/** `GET /connectors`: how an error names a call (the path template, no customer id). */
export function callName(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.path}`
}

/** Citrix's answer lacks something ctx cannot do without. */
export function missingField(endpoint: Endpoint, field: string): UnavailableError {
  return new UnavailableError(`The answer to ${callName(endpoint)} has no "${field}", which ctx needs.`, {
    hint: 'Citrix may have changed this call. Please report it with the output of --debug (secrets are redacted).',
  })
}

/** An object (not an array, not null), or undefined. */
export function asRecord(value: unknown): WireRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as WireRecord) : undefined
}

/**
 * The first of `names` that holds a usable string: a non-empty string, or a number or boolean in its
 * text form. `null`, absence and other types read as undefined.
 */
export function optionalString(record: unknown, ...names: string[]): string | undefined {
  const object = asRecord(record)
  if (!object) return undefined
  for (const name of names) {
    const value = object[name]
    if (typeof value === 'string' && value !== '') return value
    if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  }
  return undefined
}

/** As optionalString, but a field the call's reader needs: exit 8 naming the call and the field when absent. */
export function requiredString(endpoint: Endpoint, record: unknown, ...names: string[]): string {
  const value = optionalString(record, ...names)
  if (value === undefined) throw missingField(endpoint, names[0]!)
  return value
}

/** A boolean sent as one (or as "true"/"false"); anything else reads as undefined. */
export function optionalBoolean(record: unknown, name: string): boolean | undefined {
  const value = asRecord(record)?.[name]
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'false') return value === 'true'
  return undefined
}

/** An ISO-8601 time that parses, or undefined (absent, null or unparseable). */
export function optionalTime(record: unknown, ...names: string[]): string | undefined {
  const value = optionalString(record, ...names)
  return value !== undefined && !Number.isNaN(Date.parse(value)) ? value : undefined
}

/**
 * The items of a list answer: a bare array, or the array under the first of `envelopes` the body has.
 * An empty answer (204) is an empty list; a body with none of them is exit 8 naming the call.
 */
export function listItems(endpoint: Endpoint, body: unknown, envelopes: readonly string[]): unknown[] {
  if (body === undefined || body === null) return []
  if (Array.isArray(body)) return body
  const object = asRecord(body)
  for (const name of envelopes) {
    const value = object?.[name]
    if (Array.isArray(value)) return value
  }
  throw missingField(endpoint, envelopes.join('" or "'))
}
