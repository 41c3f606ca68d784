// The school calendar as verdicts need it: which school year a period belongs to, per-period values
// derived from year-to-date ones, the same week of the previous school year, and how many values a
// cadence can give inside a window. Pure: day numbers come from the strings given.

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
export function schoolYearOf(day: number, start: { month: number; day: number }): number {
  const date = new Date(day * 86_400_000)
  const year = date.getUTCFullYear()
  const beforeStart =
    date.getUTCMonth() + 1 < start.month ||
    (date.getUTCMonth() + 1 === start.month && date.getUTCDate() < start.day)
  return beforeStart ? year - 1 : year
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
