/** `12,345`: thousands separators for a terminal (CSV and JSON keep the raw number). */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return ''
  return value.toLocaleString('en-US')
}

/** `1 license`, `2 licenses`, `1,200 licenses`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`
}
