// The school calendar as verdicts need it: which school year a period belongs to, per-period values
// derived from year-to-date ones, the same week of the previous school year, and how many values a
// cadence can give inside a window. Pure: day numbers come from the strings given.

import { MIN_EVALUATION_POINTS } from './judge-change.ts'
import { MIN_POINTS_BEYOND_LIMITS } from './judge-contrast.ts'
import { parseDay } from './periods.ts'

export const DEFAULT_SCHOOL_YEAR_START = '07-01'
const MONTH_DAY = /^(\d{2})-(\d{2})$/
const DAYS_PER_YEAR_OF_WEEKS = 364

/** Month and day of an 'MM-DD' school-year start; null if it is not a real day of the year. */
export function parseMonthDay(monthDay: string): { month: number; day: number } | null {
  const match = MONTH_DAY.exec(monthDay)
  if (!match) return null
  const month = Number(match[1])
  const day = Number(match[2])
  // 2024 is a leap year, so 02-29 is accepted
  if (parseDay(`2024-${match[1]}-${match[2]}`) === null) return null
  return { month, day }
}

/** Calendar year in which the school year of `day` (a day number) started. */
export function schoolYearOfDay(day: number, start: { month: number; day: number }): number {
  const date = new Date(day * 86_400_000)
  const year = date.getUTCFullYear()
  const beforeStart =
    date.getUTCMonth() + 1 < start.month ||
    (date.getUTCMonth() + 1 === start.month && date.getUTCDate() < start.day)
  return beforeStart ? year - 1 : year
}

/** School year of each day of a sorted day list (one Date per school year, not per day). */
export function schoolYearsOfDays(days: Int32Array, start: { month: number; day: number }): Int32Array {
  const years = new Int32Array(days.length)
  let year = Number.NaN
  let nextStart = Number.NEGATIVE_INFINITY
  let thisStart = Number.POSITIVE_INFINITY
  for (let i = 0; i < days.length; i++) {
    const day = days[i] as number
    if (!(day >= thisStart && day < nextStart)) {
      year = schoolYearOfDay(day, start)
      thisStart = Date.UTC(year, start.month - 1, start.day) / 86_400_000
      nextStart = Date.UTC(year + 1, start.month - 1, start.day) / 86_400_000
    }
    years[i] = year
  }
  return years
}

/**
 * Per-period values from year-to-date ratios: the change of the to-date value since the previous
 * value of the same school year (the first value of a year is its change from zero). For a count
 * of new events (students suspended for the first time this year) this is the share of students
 * newly counted this period; for a status that can be lost again (chronically absent so far) it is
 * the net change, compared like with like across schools and years. NaN where the value is missing.
 */
export function perPeriodChanges(toDate: Float64Array, schoolYears: Int32Array): Float64Array {
  const changes = new Float64Array(toDate.length)
  let previous = Number.NaN
  let previousYear = Number.NaN
  for (let i = 0; i < toDate.length; i++) {
    const value = toDate[i] as number
    if (Number.isNaN(value)) {
      changes[i] = Number.NaN
      continue
    }
    const year = schoolYears[i] as number
    if (year !== previousYear) {
      changes[i] = value
    } else {
      changes[i] = Number.isNaN(previous) ? Number.NaN : value - previous
    }
    previous = value
    previousYear = year
  }
  return changes
}

/**
 * Index of the period one school year earlier (52 weeks back, within `toleranceDays`) for each
 * period of a sorted day list; -1 when there is none.
 */
export function sameWeekLastYear(days: ArrayLike<number>, toleranceDays = 3): Int32Array {
  const matches = new Int32Array(days.length).fill(-1)
  let k = 0
  for (let i = 0; i < days.length; i++) {
    const target = (days[i] as number) - DAYS_PER_YEAR_OF_WEEKS
    while (k < i && (days[k] as number) < target - toleranceDays) k++
    let best = -1
    for (let j = k; j < i && (days[j] as number) <= target + toleranceDays; j++) {
      if (best === -1 || Math.abs((days[j] as number) - target) < Math.abs((days[best] as number) - target))
        best = j
    }
    matches[i] = best
  }
  return matches
}

/** Days between two values of a cadence (term: a six-week marking period; a school year has 36 weeks). */
const CADENCE_DAYS = { daily: 1, weekly: 7, monthly: 30.4375, term: 42, annual: 365.25 } as const

export interface ExpectedValues {
  /** Values the cadence gives from start through end (+ lagDays); daily counts weekdays only. */
  expected: number
  /** Values a runs signal needs (MIN_EVALUATION_POINTS). */
  needed: number
  /** Fewest values that can show any signal (two beyond the same limit). */
  minimumForAnySignal: number
  /** Whether the window can give `needed` values. */
  canFill: boolean
}

/**
 * At planning time: how many values a measure's cadence can give inside a cycle's window, and
 * whether that is enough for a verdict (ADR 014). A term or annual measure linked to a six-week
 * cycle cannot fill it: the server shows that as a method check. Null when a date is invalid.
 */
export function expectedValuesInWindow(window: {
  cadence: keyof typeof CADENCE_DAYS
  start: string
  end: string
  lagDays?: number
}): ExpectedValues | null {
  const start = parseDay(window.start)
  const end = parseDay(window.end)
  if (start === null || end === null || end < start) return null
  const last = end + (window.lagDays ?? 0)
  let expected: number
  if (window.cadence === 'daily') {
    expected = 0
    for (let day = start; day <= last; day++) {
      const weekday = (day + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
      if (weekday !== 0 && weekday !== 6) expected++
    }
  } else if (window.cadence === 'weekly') {
    // weeks whose Monday-based period starts inside the window, counting a partial first week
    expected = Math.floor((last - start) / 7) + 1
  } else {
    expected = Math.floor((last - start + 1) / CADENCE_DAYS[window.cadence])
  }
  return {
    expected,
    needed: MIN_EVALUATION_POINTS,
    minimumForAnySignal: MIN_POINTS_BEYOND_LIMITS,
    canFill: expected >= MIN_EVALUATION_POINTS,
  }
}
