// The "best possible" column of the verdicts benchmark's detection table (bench/verdicts.bench.ts,
// docs/benchmarks/verdicts.md): what a test that knows more than any real method could reach on the
// same windows. Per window it computes the quantity cycleVerdict() judges — per-period measures: the
// focal rate minus the mean rate of the comparison schools, per week; to-date measures: the same of the
// within-year weekly changes of the to-date rate — averaged over the window's weeks, in the better
// direction, and standardized by the binomial (p) or Poisson (u, weekly changes) sd of the focal series.
// Two statistics:
//   - known baseline: minus the series' average of the same quantity over the rest of its school year
//     without any effect (weeks after the window included) — the baseline a real method has to estimate;
//   - district null: the raw average (the school's lasting offset from the comparison schools included).
// The threshold is calibrated on the row's own no-effect windows (an empirical quantile), so the oracle
// knows the true no-effect distribution of its statistic; see OracleRow.
import type { ComparisonSeries, Observation } from '@pdsa/analytics/verdict/cycle-verdict'

const DAY = 86_400_000
/** A gap of more than 5 weeks between values starts a new school year (as the benchmark's yearStarts). */
const NEW_YEAR_GAP = 35 * DAY

export interface OracleMeasure {
  chartType: string
  accumulation?: 'period' | 'to_date'
  higherIsBetter: boolean
}

const rate = (o: Observation | undefined) =>
  o && o.numerator != null && o.denominator ? o.numerator / o.denominator : null

/**
 * The per-week quantity judged: the rate (per-period measures) or its within-year change since the
 * previous week (to-date measures; null on a school year's first value).
 */
function quantities(measure: OracleMeasure, observations: readonly Observation[]): (number | null)[] {
  if (measure.accumulation !== 'to_date') return observations.map(rate)
  return observations.map((o, i) => {
    const previous = observations[i - 1]
    if (!previous || Date.parse(o.period) - Date.parse(previous.period) > NEW_YEAR_GAP) return null
    const now = rate(o)
    const before = rate(previous)
    return now === null || before === null ? null : now - before
  })
}

export interface OracleStatistics {
  /** (window mean − rest-of-year mean) of the difference, in the better direction, standardized. */
  knownBaseline: number
  /** Window mean of the difference, in the better direction, standardized. */
  districtNull: number
}

/**
 * One series (focal + comparison schools) prepared once; `statistics` then scores any version of the
 * focal observations (without or with an injected effect) over a window of indices.
 */
export function oracleSeries(
  measure: OracleMeasure,
  plain: readonly Observation[],
  comparison: readonly ComparisonSeries[],
  yearStarts: readonly number[],
) {
  const sign = measure.higherIsBetter ? 1 : -1
  const comparisonMean = new Map<string, { sum: number; count: number }>()
  for (const c of comparison) {
    const q = quantities(measure, c.observations)
    c.observations.forEach((o, i) => {
      const value = q[i]
      if (value == null) return
      const m = comparisonMean.get(o.period) ?? { sum: 0, count: 0 }
      m.sum += value
      m.count++
      comparisonMean.set(o.period, m)
    })
  }
  const differences = (observations: readonly Observation[]) => {
    const q = quantities(measure, observations)
    return observations.map((o, i) => {
      const m = comparisonMean.get(o.period)
      const value = q[i]
      return value == null || !m ? null : sign * (value - m.sum / m.count)
    })
  }
  const plainDifferences = differences(plain)
  const plainQuantities = quantities(measure, plain)

  return function statistics(
    observations: readonly Observation[],
    from: number,
    to: number,
  ): OracleStatistics {
    const year = yearStarts[from]
    const d = differences(observations)
    let inside = 0
    let insideCount = 0
    let rest = 0
    let restCount = 0
    let level = 0
    let levelCount = 0
    let students = 0
    let studentsCount = 0
    plain.forEach((o, i) => {
      if (yearStarts[i] !== year) return
      const q = plainQuantities[i]
      if (q != null) {
        level += Math.abs(q)
        levelCount++
      }
      if (o.denominator) {
        students += o.denominator
        studentsCount++
      }
      const value = i >= from && i <= to ? d[i] : plainDifferences[i]
      if (value == null) return
      if (i >= from && i <= to) {
        inside += value
        insideCount++
      } else {
        rest += value
        restCount++
      }
    })
    if (insideCount === 0 || levelCount === 0 || studentsCount === 0) {
      return { knownBaseline: Number.NEGATIVE_INFINITY, districtNull: Number.NEGATIVE_INFINITY }
    }
    const n = students / studentsCount
    const r = level / levelCount
    const perWeek =
      measure.accumulation === 'to_date' || measure.chartType === 'u'
        ? Math.sqrt(Math.max(r, 1 / n) / n)
        : Math.sqrt(Math.max(r * (1 - r), 1 / n) / n)
    const sdOfMean = perWeek / Math.sqrt(insideCount)
    const windowMean = inside / insideCount
    return {
      knownBaseline: restCount === 0 ? Number.NEGATIVE_INFINITY : (windowMean - rest / restCount) / sdOfMean,
      districtNull: windowMean / sdOfMean,
    }
  }
}

/**
 * The oracle's detection rate on one row of the table: the threshold is the empirical (1 − α) quantile
 * of the statistic over the row's no-effect windows, α = max(our false-verdict rate on them, 5 %), and
 * the rate is the share of the effect windows above it. The oracle spends all of α on the better side.
 */
export function oracleDetection(
  noEffect: readonly number[],
  withEffect: readonly number[],
  falseAlarmRate: number,
): { detected: number; alpha: number; falseAlarms: number } {
  const alpha = Math.max(falseAlarmRate, 0.05)
  const sorted = [...noEffect].sort((a, b) => b - a)
  const allowed = Math.floor(alpha * sorted.length)
  const threshold = sorted[allowed] ?? Number.NEGATIVE_INFINITY
  const above = (values: readonly number[]) => values.filter((v) => v > threshold).length
  return {
    detected: withEffect.length === 0 ? 0 : above(withEffect) / withEffect.length,
    alpha,
    falseAlarms: sorted.length === 0 ? 0 : above(sorted) / sorted.length,
  }
}
