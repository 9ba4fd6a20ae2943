/** A linear scale from 0 to a round maximum, with round tick values, shared by the terminal and SVG charts. */
export interface Scale {
  max: number
  ticks: number[]
}

// Steps people read at a glance: 1, 2, 2.5 and 5 times a power of ten.
const roundSteps = [1, 2, 2.5, 5, 10]

/** The smallest round step (1, 2, 2.5 or 5 × 10ⁿ) at least `value`. */
export function roundStepAtLeast(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = roundSteps.find((s) => s * power >= value - power * 1e-9) ?? 10
  return step * power
}

/**
 * A scale whose maximum is a round multiple of a round step, at or above `dataMax`, with at most
 * `maxTicks` intervals. Counts are whole numbers, so steps never go below 1.
 */
export function niceScale(dataMax: number, maxTicks = 4): Scale {
  let step = roundStepAtLeast(Math.max(dataMax, 1) / maxTicks)
  if (!Number.isInteger(step)) step = roundStepAtLeast(Math.ceil(step))
  const max = Math.max(step, Math.ceil(dataMax / step) * step)
  const ticks: number[] = []
  for (let value = 0; value <= max + step / 2; value += step) ticks.push(value)
  return {max, ticks}
}
