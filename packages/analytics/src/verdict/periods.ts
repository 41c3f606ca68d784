// Periods (ISO dates) and the cycle window: which observations form the frozen baseline and which the
// evaluation. Pure: dates are parsed from the strings given, never read from a clock.

const MILLISECONDS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

/** Day number (days since 1970-01-01 UTC) of an ISO date or date-time string; null if invalid. */
export function parseDay(period: string): number | null {
  const match = ISO_DATE.exec(period)
  if (match === null) return null
  const milliseconds =
    period.length === 10 ? Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!) : Date.parse(period)
  if (!Number.isFinite(milliseconds)) return null
  if (period.length === 10) {
    // reject dates that Date.UTC silently rolls over, such as 2024-02-31
    const date = new Date(milliseconds)
    if (date.getUTCMonth() !== +match[2]! - 1 || date.getUTCDate() !== +match[3]!) return null
  }
  return Math.floor(milliseconds / MILLISECONDS_PER_DAY)
}

export interface CycleWindow {
  /** First day of the cycle (ISO date). Observations before it form the frozen baseline. */
  start: string
  /** Last day of the cycle (ISO date). */
  end: string
  /** Days after `end` whose observations still count for the cycle (effects that show up late). */
  lagDays?: number
}

export interface WindowedSeries {
  /** Indices into the caller's array, baseline first, then evaluation, each in period order. */
  order: number[]
  baselineCount: number
  evaluationCount: number
}

export type WindowOutcome = { ok: true; series: WindowedSeries } | { ok: false; issues: string[] }

/** Splits periods into baseline (before start) and evaluation (start through end + lagDays). */
export function splitByWindow(periods: readonly string[], window: CycleWindow): WindowOutcome {
  const issues: string[] = []
  const start = parseDay(window.start)
  const end = parseDay(window.end)
  const lagDays = window.lagDays ?? 0
  if (start === null) issues.push(`cycle start "${window.start}" is not an ISO date`)
  if (end === null) issues.push(`cycle end "${window.end}" is not an ISO date`)
  if (!Number.isInteger(lagDays) || lagDays < 0)
    issues.push(`lagDays must be a non-negative integer, got ${lagDays}`)
  if (start !== null && end !== null && end < start) issues.push('cycle end is before its start')
  const days = periods.map((period, index) => {
    const day = parseDay(period)
    if (day === null) issues.push(`observations[${index}].period "${period}" is not an ISO date`)
    return day ?? Number.NaN
  })
  if (issues.length > 0) return { ok: false, issues }

  const order = periods
    .map((_, index) => index)
    .sort((a, b) => (days[a] as number) - (days[b] as number) || a - b)
  for (let k = 1; k < order.length; k++) {
    const previous = order[k - 1] as number
    const current = order[k] as number
    if (days[previous] === days[current]) {
      issues.push(
        `observations[${previous}] and observations[${current}] have the same period ${periods[current]}`,
      )
    }
  }
  if (issues.length > 0) return { ok: false, issues }

  const evaluationEnd = (end as number) + lagDays
  const baseline = order.filter((index) => (days[index] as number) < (start as number))
  const evaluation = order.filter((index) => {
    const day = days[index] as number
    return day >= (start as number) && day <= evaluationEnd
  })
  return {
    ok: true,
    series: {
      order: [...baseline, ...evaluation],
      baselineCount: baseline.length,
      evaluationCount: evaluation.length,
    },
  }
}
