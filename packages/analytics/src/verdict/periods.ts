// Periods (ISO dates) and the cycle window: which observations form the frozen baseline and which the
// evaluation. Pure: dates are parsed from the strings given, never read from a clock.

const MILLISECONDS_PER_DAY = 86_400_000
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48
  return code >= 0 && code <= 9 ? code : Number.NaN
}

/** Fast path for the common YYYY-MM-DD form (verdicts parse millions of periods). */
function parsePlainDate(period: string): number | null {
  if (period.charCodeAt(4) !== 45 || period.charCodeAt(7) !== 45) return null
  const year = digit(period, 0) * 1000 + digit(period, 1) * 100 + digit(period, 2) * 10 + digit(period, 3)
  const month = digit(period, 5) * 10 + digit(period, 6)
  const day = digit(period, 8) * 10 + digit(period, 9)
  if (Number.isNaN(year)) return null
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= (DAYS_IN_MONTH[month - 1] as number))) return null
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  if (month === 2 && day === 29 && !leap) return null
  return daysFromCivil(year, month, day)
}

/** Day number (days since 1970-01-01 UTC) of an ISO date or date-time string; null if invalid. */
export function parseDay(period: string): number | null {
  if (period.length === 10) return parsePlainDate(period)
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
