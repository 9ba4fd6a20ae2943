import {stripVTControlCharacters} from 'node:util'

import {colorEnabled, paint} from '../colors.js'
import {niceScale} from './scale.js'
import {assignedTotal, formatCompact, formatCount, overage, type UsageMonth} from './usage-month.js'

export interface UsageChartOptions {
  /** Columns the chart may use; every line fits in it (default 80, never below `minChartWidth`). */
  width?: number
  /** Colour through `paint` (block glyphs); otherwise plain ASCII, safe for logs and any console. Default: whether colour is on. */
  color?: boolean
}

/** Narrower than this the bars could not be told apart; the chart is drawn at this width instead. */
export const minChartWidth = 24
const minTrack = 10

interface Glyphs {
  users: string
  devices: string
  available: string
  rule: string
  tick: string
  start: string
  end: string
}

// The users and devices glyphs differ in both modes, so the bars read even where colour is lost.
const plainGlyphs: Glyphs = {users: '#', devices: '=', available: '|', rule: '-', tick: '+', start: '+', end: '+'}
const colorGlyphs: Glyphs = {users: '█', devices: '▒', available: '│', rule: '─', tick: '┼', start: '├', end: '┤'}

const identity = (text: string) => text
const noPaint: typeof paint = {
  ok: identity,
  warn: identity,
  error: identity,
  dim: identity,
  bold: identity,
  accent: identity,
}

/** The chart is for people: only on a terminal, never under --json nor into a pipe or file. */
export function shouldDrawChart(output: {json: boolean; isTTY: boolean}): boolean {
  return output.isTTY && !output.json
}

/**
 * One stacked bar per month (users, then devices) on a shared scale, with a mark at the licenses
 * available; a month whose users + devices exceed them gets a `!` and its overage. Pure: returns text.
 */
export function renderUsageChart(months: UsageMonth[], options: UsageChartOptions = {}): string {
  if (months.length === 0) return 'No license use recorded for these months.'
  const color = options.color ?? colorEnabled()
  const glyph = color ? colorGlyphs : plainGlyphs
  const style = color ? paint : noPaint
  const width = Math.max(minChartWidth, Math.floor(options.width ?? 80))

  const monthWidth = Math.max(...months.map((m) => m.month.length))
  const prefixWidth = monthWidth + 3
  const values = months.map((m) => `${formatCount(assignedTotal(m))} / ${formatCount(m.available)}`)
  const overs = months.map((m) => (overage(m) > 0 ? `+${formatCount(overage(m))}` : ''))
  const valueWidth = Math.max(...values.map((v) => v.length))
  const overWidth = Math.max(...overs.map((o) => o.length))
  const valuesColumn = 1 + valueWidth + (overWidth > 0 ? 2 + overWidth : 0)
  const showValues = width - prefixWidth - valuesColumn >= minTrack
  const track = width - prefixWidth - (showValues ? valuesColumn : 0)

  const scale = niceScale(Math.max(...months.map((m) => Math.max(assignedTotal(m), m.available))))
  const cells = (value: number) => Math.min(track, Math.max(0, Math.round((value / scale.max) * track)))
  // A tick or mark sits on the last cell a bar of that value fills.
  const column = (value: number) => Math.max(0, cells(value) - 1)

  const looks: Record<Exclude<CellKind, 'empty'>, [glyph: string, paint: (text: string) => string]> = {
    users: [glyph.users, style.accent],
    devices: [glyph.devices, style.ok],
    available: [glyph.available, style.warn],
    usersOver: [glyph.users, style.error],
    devicesOver: [glyph.devices, style.error],
  }
  const indent = ' '.repeat(prefixWidth)
  const lines = [style.bold(clip('Assigned licenses by month (users + devices) against available', width))]
  lines.push(
    indent + axisLabels(scale.ticks, column, track),
    indent + style.dim(axisRule(scale.ticks, column, track, glyph)),
  )

  months.forEach((month, i) => {
    const bar = runs(barCells(month, cells, column(month.available), track))
      .map(({kind, count}) => (kind === 'empty' ? ' '.repeat(count) : looks[kind][1](looks[kind][0].repeat(count))))
      .join('')
    const over = overs[i] ?? ''
    const mark = over ? style.error('!') : ' '
    const tail = showValues ? ` ${(values[i] ?? '').padStart(valueWidth)}${over ? `  ${style.error(over)}` : ''}` : ''
    lines.push(`${month.month.padEnd(monthWidth)} ${mark} ${bar}${tail}`.trimEnd())
  })

  const legend = [
    `${style.accent(glyph.users)} users`,
    `${style.ok(glyph.devices)} devices`,
    `${style.warn(glyph.available)} available`,
    `${style.error('!')} over available${showValues ? ', +overage' : ''}`,
  ]
  lines.push(...wrap(legend, width))
  return lines.join('\n')
}

// Cells past the available mark are painted as over-use, keeping their users or devices glyph.
type CellKind = 'users' | 'devices' | 'usersOver' | 'devicesOver' | 'available' | 'empty'

/** What each cell of a month's track shows; a non-zero count gets at least one cell, so it stays visible. */
function barCells(month: UsageMonth, cells: (value: number) => number, markAt: number, track: number): CellKind[] {
  const users = month.assignedUsers > 0 ? Math.max(1, cells(month.assignedUsers)) : 0
  const devices = month.assignedDevices > 0 ? Math.max(1, cells(assignedTotal(month)) - users) : 0
  return Array.from({length: track}, (_, c): CellKind => {
    if (c === markAt) return 'available'
    const kind = c < users ? 'users' : c < users + devices ? 'devices' : 'empty'
    return kind !== 'empty' && c > markAt ? `${kind}Over` : kind
  })
}

/** Consecutive cells of one kind, so that each run is painted once rather than cell by cell. */
function runs(kinds: CellKind[]): Array<{kind: CellKind; count: number}> {
  const result: Array<{kind: CellKind; count: number}> = []
  for (const kind of kinds) {
    const last = result.at(-1)
    if (last?.kind === kind) last.count++
    else result.push({kind, count: 1})
  }
  return result
}

/** Tick labels over the track: the first and last always, the others where they leave a gap. */
function axisLabels(ticks: number[], column: (value: number) => number, track: number): string {
  const row = Array.from({length: track}, () => ' ')
  const taken = Array.from({length: track}, () => false)
  for (const index of new Set([0, ticks.length - 1, ...ticks.keys()])) {
    const value = ticks[index] ?? 0
    const text = axisNumber(value)
    const centre = column(value) - Math.floor(text.length / 2)
    const start =
      index === 0
        ? 0
        : index === ticks.length - 1
          ? track - text.length
          : Math.min(Math.max(0, centre), track - text.length)
    if (start < 0) continue
    const from = Math.max(0, start - 1)
    const to = Math.min(track - 1, start + text.length)
    if (taken.slice(from, to + 1).some(Boolean)) continue
    for (let c = 0; c < text.length; c++) {
      row[start + c] = text[c] ?? ' '
      taken[start + c] = true
    }
  }
  return row.join('').trimEnd()
}

function axisRule(ticks: number[], column: (value: number) => number, track: number, glyph: Glyphs): string {
  const row = Array.from({length: track}, () => glyph.rule)
  for (const value of ticks) row[column(value)] = glyph.tick
  row[0] = glyph.start
  row[track - 1] = glyph.end
  return row.join('')
}

function axisNumber(value: number): string {
  const full = formatCount(value)
  return full.length <= 6 ? full : formatCompact(value)
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}

/** Joins items with two spaces, starting a new line where the next would not fit. */
function wrap(items: string[], width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const item of items) {
    const candidate = line ? `${line}  ${item}` : item
    if (line && stripVTControlCharacters(candidate).length > width) {
      lines.push(line)
      line = item
    } else line = candidate
  }
  if (line) lines.push(line)
  return lines
}
