import {niceScale} from '../charts/scale.js'
import {
  assignedTotal,
  defaultSeriesLabels,
  formatCompact,
  formatCount,
  overage,
  type SeriesLabels,
  type UsageMonth,
} from '../charts/usage-month.js'
import {escapeHtml} from './escape-html.js'

// Colours that stay apart for the common colour-vision deficiencies (blue/teal/amber, red only for over-use).
export const chartColors = {users: '#2563eb', devices: '#14b8a6', available: '#d97706', over: '#dc2626'}

const view = {width: 960, height: 380, left: 64, right: 16, top: 40, bottom: 36}
const plot = {
  x: view.left,
  y: view.top,
  width: view.width - view.left - view.right,
  height: view.height - view.top - view.bottom,
}

/**
 * The months as stacked bars (users, then devices) under a stepped "available" line, over-use months
 * labelled with their overage in red; axis labels, gridlines and a legend. An inline SVG string.
 */
export function renderUsageSvg(months: UsageMonth[], labels: SeriesLabels = defaultSeriesLabels): string {
  // No xmlns: inline SVG in HTML needs none, and the report then holds no URL at all.
  const open = `<svg data-testid="usage-chart" role="img" aria-labelledby="usage-chart-title" viewBox="0 0 ${view.width} ${view.height}">`
  const title = `<title id="usage-chart-title">${escapeHtml(`Per month: ${[labels.users, labels.devices].filter(Boolean).join(' and ')} against ${labels.available}`)}</title>`
  if (months.length === 0) {
    return `${open}${title}<text x="${view.width / 2}" y="${view.height / 2}" text-anchor="middle" class="empty">No license use recorded for these months.</text></svg>`
  }
  const scale = niceScale(Math.max(...months.map((m) => Math.max(assignedTotal(m), m.available))), 5)
  const y = (value: number) => round(plot.y + plot.height - (value / scale.max) * plot.height)
  const slot = plot.width / months.length
  const barWidth = round(Math.min(56, slot * 0.6))
  const labelEvery = Math.ceil(months.length / 12)

  const grid = scale.ticks
    .map(
      (tick) =>
        `<line class="grid" x1="${plot.x}" x2="${plot.x + plot.width}" y1="${y(tick)}" y2="${y(tick)}"/><text class="axis" x="${plot.x - 8}" y="${y(tick) + 4}" text-anchor="end">${axisNumber(tick)}</text>`,
    )
    .join('')
  const bars = months
    .map((month, i) => {
      const x = round(plot.x + slot * i + (slot - barWidth) / 2)
      const centre = round(plot.x + slot * (i + 0.5))
      const over = overage(month)
      const parts = [
        `<title>${escapeHtml(`${month.month}: ${[figure(month.assignedUsers, labels.users), labels.devices === undefined ? '' : figure(month.assignedDevices, labels.devices), figure(month.available, labels.available)].filter(Boolean).join(', ')}${over ? `, ${formatCount(over)} over` : ''}`)}</title>`,
        rect(x, y(month.assignedUsers), barWidth, y(0) - y(month.assignedUsers), chartColors.users),
        rect(
          x,
          y(assignedTotal(month)),
          barWidth,
          y(month.assignedUsers) - y(assignedTotal(month)),
          chartColors.devices,
        ),
        over
          ? `<text class="over" x="${centre}" y="${y(assignedTotal(month)) - 6}" text-anchor="middle" fill="${chartColors.over}">+${formatCount(over)}</text>`
          : '',
        i % labelEvery === 0
          ? `<text class="axis" x="${centre}" y="${plot.y + plot.height + 20}" text-anchor="middle">${escapeHtml(month.month)}</text>`
          : '',
      ]
      return `<g data-testid="chart-month" data-month="${escapeHtml(month.month)}"${over ? ' data-over="true"' : ''}>${parts.join('')}</g>`
    })
    .join('')
  const steps = months
    .map((m, i) => `${i === 0 ? `M${plot.x} ` : 'V'}${y(m.available)}H${round(plot.x + slot * (i + 1))}`)
    .join('')
  const availableLine = `<path data-testid="available-line" d="${steps}" fill="none" stroke="${chartColors.available}" stroke-width="2.5" stroke-dasharray="8 5"/>`
  const axis = `<line class="axis-line" x1="${plot.x}" x2="${plot.x + plot.width}" y1="${y(0)}" y2="${y(0)}"/>`
  return `${open}${title}${grid}${bars}${availableLine}${axis}${legend(
    labels,
    months.some((m) => overage(m) > 0),
  )}</svg>`
}

/** A legend of what the chart shows: no devices entry when there is no such series, no over-use entry when no month is over. */
function legend(labels: SeriesLabels, anyOver: boolean): string {
  const entries: Array<[string, number, string] | false> = [
    [`<rect x="0" y="-10" width="14" height="14" rx="2" fill="${chartColors.users}"/>`, 14, labels.users],
    labels.devices !== undefined && [
      `<rect x="0" y="-10" width="14" height="14" rx="2" fill="${chartColors.devices}"/>`,
      14,
      labels.devices,
    ],
    [
      `<line x1="0" x2="22" y1="-3" y2="-3" stroke="${chartColors.available}" stroke-width="2.5" stroke-dasharray="8 5"/>`,
      22,
      labels.available,
    ],
    anyOver && [
      `<text x="0" y="2" class="over" fill="${chartColors.over}">+N</text>`,
      20,
      `Over ${labels.available.toLowerCase()}`,
    ],
  ]
  const items = entries.filter((entry) => entry !== false)
  let x = plot.x
  const parts = items.map(([swatch, swatchWidth, label]) => {
    const item = `<g transform="translate(${x} 18)">${swatch}<text class="legend" x="${swatchWidth + 6}" y="2">${escapeHtml(label)}</text></g>`
    x += swatchWidth + 30 + label.length * 7.5
    return item
  })
  return `<g data-testid="chart-legend">${parts.join('')}</g>`
}

/** 1200, 'Paid users' → "1,200 paid users", for the tooltips. */
function figure(value: number, label: string): string {
  return `${formatCount(value)} ${label.toLowerCase()}`
}

function rect(x: number, top: number, width: number, height: number, fill: string): string {
  return height > 0 ? `<rect x="${x}" y="${top}" width="${width}" height="${round(height)}" fill="${fill}"/>` : ''
}

function axisNumber(value: number): string {
  const full = formatCount(value)
  return full.length <= 7 ? full : formatCompact(value)
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
