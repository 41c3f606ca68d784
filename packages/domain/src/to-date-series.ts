// Checks on year-to-date series: within one school year the numerator of a year-to-date measure grows,
// or falls a little when it counts a status that can be lost (students chronically absent so far fall
// back under 10 % as days accrue). Pure: periods are ISO dates, the school-year start 'MM-DD'.
import { schoolYearLabel, schoolYearStartDate } from './school-year.ts'

export interface ToDatePoint {
  /** Which series the point belongs to (measure × school × student group). */
  series: string
  period: string
  numerator: number | null
  /** The caller's handle for the point: a file row number, or anything that names a stored value. */
  ref: number
}

export interface ToDateDecline {
  series: string
  /** The point whose numerator is below the one before it. */
  ref: number
  period: string
  numerator: number
  previousRef: number
  previousPeriod: string
  previousNumerator: number
  /** "2025–26" */
  schoolYear: string
}

/**
 * Every point of a year-to-date series whose numerator is below the previous one with a numerator in
 * the same school year and series (each school year starts afresh; points without a numerator are
 * skipped). When two points share a series and period the later one in `points` wins, as an import
 * overwrites a stored value. Declines come series by series (in the order each first appears), then by period.
 */
export function toDateDeclines(points: readonly ToDatePoint[], schoolYearStart: string): ToDateDecline[] {
  const bySeries = new Map<string, Map<string, ToDatePoint>>()
  for (const point of points) {
    if (point.numerator === null) continue
    const periods = bySeries.get(point.series) ?? new Map<string, ToDatePoint>()
    periods.set(point.period, point)
    bySeries.set(point.series, periods)
  }
  const declines: ToDateDecline[] = []
  for (const [series, periods] of bySeries) {
    const ordered = [...periods.values()].sort((a, b) =>
      a.period < b.period ? -1 : a.period > b.period ? 1 : 0,
    )
    let previous: ToDatePoint | null = null
    let previousYear = ''
    for (const point of ordered) {
      const year = schoolYearStartDate(point.period, schoolYearStart)
      if (previous && year === previousYear && (point.numerator as number) < (previous.numerator as number)) {
        declines.push({
          series,
          ref: point.ref,
          period: point.period,
          numerator: point.numerator as number,
          previousRef: previous.ref,
          previousPeriod: previous.period,
          previousNumerator: previous.numerator as number,
          schoolYear: schoolYearLabel(point.period, schoolYearStart),
        })
      }
      previous = point
      previousYear = year
    }
  }
  return declines
}

/**
 * A fall that a status being lost does not explain: the count at least halves, by at least
 * `TO_DATE_DROP_MIN`. What it catches: this period's counts imported as the year to date, a row of the
 * wrong school year, a digit lost. Measured on the demo district's weekly to-date measures: any fall at
 * all is 22 % of chronic-absence and 27 % of at-risk values (students leave the band as days accrue),
 * these falls 0.02 % and 0.3 % (mostly the first weeks of a year, as the 30-day enrolment rule kicks
 * in); suspensions to date never fall.
 */
export const TO_DATE_DROP_SHARE = 0.5
export const TO_DATE_DROP_MIN = 5

/** The declines of `toDateDeclines` that a status being lost does not explain (see TO_DATE_DROP_SHARE). */
export function unlikelyToDateDeclines(
  points: readonly ToDatePoint[],
  schoolYearStart: string,
): ToDateDecline[] {
  return toDateDeclines(points, schoolYearStart).filter((d) => {
    const drop = d.previousNumerator - d.numerator
    return drop >= TO_DATE_DROP_MIN && drop >= TO_DATE_DROP_SHARE * d.previousNumerator
  })
}
