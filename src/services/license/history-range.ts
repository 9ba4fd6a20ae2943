import {UsageError} from '../../errors.js'
import {addMonths, formatMonth, monthNumber, monthOf, parseMonth} from '../../util/months.js'

/** [doc] Citrix keeps 12 months of licensing history. */
export const maxHistoryMonths = 12

export interface HistoryRangeOptions {
  months?: number
  from?: string
  to?: string
}

/**
 * The yyyy-MM range to ask for: the last `months` (default 12) ending with this month, or
 * --from/--to. More than 12 months back is refused before any call. A value that is not yyyy-MM
 * is passed on as typed: Citrix judges its own time format, and its 400 message is shown.
 */
export function resolveHistoryRange(options: HistoryRangeOptions, now = new Date()): {start: string; end: string} {
  const current = monthOf(now)
  if (!options.from) {
    const months = options.months ?? maxHistoryMonths
    return {start: formatMonth(addMonths(current, 1 - months)), end: formatMonth(current)}
  }
  const start = parseMonth(options.from)
  const oldest = addMonths(current, 1 - maxHistoryMonths)
  if (start && monthNumber(start) < monthNumber(oldest)) {
    throw new UsageError(
      `--from ${options.from} is more than ${maxHistoryMonths} months back; Citrix keeps ${maxHistoryMonths} months of history.`,
      {
        hint: `Pick --from ${formatMonth(oldest)} or later.`,
      },
    )
  }
  return {start: options.from, end: options.to ?? formatMonth(current)}
}
