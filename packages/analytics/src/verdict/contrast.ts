// Contrasts that take the school calendar out of a cycle's series before the signal rules look at it:
// the focal school's per-period values minus the comparison schools' (difference-in-differences:
// the rules compare the difference during the cycle with the difference before it), minus the same
// week of last school year, or the values themselves within the current school year. See ADR 014.

import type { ChartType } from '../chart-types.ts'
import type { Accumulation } from './cycle-verdict.ts'
import { perPeriodChanges, sameWeekLastYear } from './school-calendar.ts'

export const CONTRAST_KINDS = ['comparison_schools', 'same_weeks_last_year', 'school_year_baseline'] as const
export type ContrastKind = (typeof CONTRAST_KINDS)[number]

/** One series in period order: day numbers, numerators (or values) and denominators (NaN = none). */
export interface DaySeries {
  days: Int32Array
  y: Float64Array
  /** Denominators; undefined for measures without one. */
  n: Float64Array | undefined
}

export interface ContrastSettings {
  chart: ChartType
  accumulation: Accumulation
  /** School year (calendar year it started in) of each focal period. */
  schoolYears: Int32Array
}

/** Fewest comparison series present at a period for the comparison-schools contrast. */
export const MIN_COMPARISON_SERIES = 3

export interface Contrast {
  kind: ContrastKind
  /** Difference (or value) per focal period, on the measure's per-period scale; NaN where none. */
  difference: Float64Array
  /** Binomial / Poisson standard deviation of each difference (1 when the chart has none). */
  sigma: Float64Array
  /** Whether sigma is a model (binomial / Poisson) standard deviation, so over-dispersion can be tested. */
  standardized: boolean
  /** Comparison series behind the contrast (comparison-schools contrast), else 0. */
  comparisonCount: number
  /**
   * Fewer than one event (or change of a to-date count) expected per period at the focal series'
   * size: a single period's count cannot be judged against 3-sigma limits (ADR 014).
   */
  rareEvents: boolean
}

const isProportion = (chart: ChartType) => chart === 'p' || chart === 'pp'
const isRate = (chart: ChartType) => chart === 'u' || chart === 'up'

/** Ratio (y / n) or value per period; NaN where missing or n is not positive. */
export function ratios(series: DaySeries): Float64Array {
  const out = new Float64Array(series.days.length)
  for (let i = 0; i < out.length; i++) {
    const y = series.y[i] as number
    if (series.n === undefined) {
      out[i] = y
    } else {
      const n = series.n[i] as number
      out[i] = n > 0 ? y / n : Number.NaN
    }
  }
  return out
}

/** Per-period values: the ratios themselves, or their changes within the school year when to date. */
export function perPeriodValues(series: DaySeries, settings: ContrastSettings): Float64Array {
  const values = ratios(series)
  return settings.accumulation === 'to_date' ? perPeriodChanges(values, settings.schoolYears) : values
}

/** Binomial (p) or Poisson (u) variance per unit of denominator at the series' pooled level. */
function unitVariance(series: DaySeries, chart: ChartType): number {
  if (series.n === undefined) return Number.NaN
  let y = 0
  let n = 0
  for (let i = 0; i < series.days.length; i++) {
    const yi = series.y[i] as number
    const ni = series.n[i] as number
    if (Number.isFinite(yi) && ni > 0) {
      y += yi
      n += ni
    }
  }
  if (n === 0) return Number.NaN
  const level = y / n
  if (isProportion(chart)) return level * (1 - level)
  if (isRate(chart)) return level
  return Number.NaN
}

/**
 * Poisson variance per unit of denominator of per-period changes of a to-date ratio: students newly
 * counted (or no longer counted) per enrolled student and period. Net changes hide gross flows, so
 * this is a floor; the over-dispersion test widens the limits when the data vary more.
 */
function changeVariance(changes: Float64Array, n: Float64Array | undefined): number {
  if (n === undefined) return Number.NaN
  let moved = 0
  let total = 0
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i] as number
    const ni = n[i] as number
    if (Number.isFinite(change) && ni > 0) {
      moved += Math.abs(change) * ni
      total += ni
    }
  }
  return total > 0 ? moved / total : Number.NaN
}

let sizeScratch = new Float64Array(256)

/** Events expected per period at the focal series' mean denominator (Infinity when not a count). */
function expectedPerPeriod(variance: number, focal: DaySeries, chart: ChartType, accumulation: Accumulation) {
  if (!focal.n || !Number.isFinite(variance)) return Number.POSITIVE_INFINITY
  // the (upper) median of the positive denominators, gathered in a reused buffer
  if (sizeScratch.length < focal.n.length) sizeScratch = new Float64Array(focal.n.length * 2)
  let count = 0
  for (const n of focal.n) if (n > 0) sizeScratch[count++] = n
  const size = count > 0 ? (sizeScratch.subarray(0, count).sort()[count >> 1] as number) : 0
  // p chart: the rarer of the two outcomes; u chart and to-date changes: the rate itself
  const rate =
    accumulation === 'period' && isProportion(chart) ? (1 - Math.sqrt(1 - 4 * variance)) / 2 : variance
  return rate * size
}

function modelSigma(variance: number, ...denominators: number[]): number {
  let inverse = 0
  for (const n of denominators) inverse += 1 / n
  return Math.sqrt(variance * inverse)
}

/**
 * The comparison series pooled on the union of their periods: per period, the numerators and
 * denominators summed (or the values summed) over the series with a usable value there, in series
 * order. Built once per list of comparison series and shared by every link that passes that list.
 */
export interface ComparisonPool {
  days: Int32Array
  y: Float64Array
  /** Summed denominators; undefined for measures without one. */
  n: Float64Array | undefined
  /** Comparison series with a usable value at each period. */
  present: Int32Array
  /** Comparison series in the pool. */
  count: number
}

/** Pools comparison series (all of one form: with denominators or without). */
export function poolSeries(comparison: readonly DaySeries[], withDenominator: boolean): ComparisonPool {
  let total = 0
  for (const other of comparison) total += other.days.length
  const all = new Int32Array(total)
  let offset = 0
  for (const other of comparison) {
    all.set(other.days, offset)
    offset += other.days.length
  }
  all.sort()
  let length = 0
  for (let k = 0; k < total; k++) {
    if (k === 0 || all[k] !== all[k - 1]) all[length++] = all[k] as number
  }
  const days = all.slice(0, length)
  const y = new Float64Array(length)
  const n = withDenominator ? new Float64Array(length) : undefined
  const present = new Int32Array(length)
  for (const other of comparison) {
    // both are sorted by day: walk them together
    let i = 0
    for (let j = 0; j < other.days.length; j++) {
      const day = other.days[j] as number
      while ((days[i] as number) < day) i++
      const yj = other.y[j] as number
      if (!Number.isFinite(yj)) continue
      if (n !== undefined) {
        const nj = other.n?.[j] ?? Number.NaN
        if (!(nj > 0)) continue
        n[i] = (n[i] as number) + nj
      }
      y[i] = (y[i] as number) + yj
      present[i] = (present[i] as number) + 1
    }
  }
  return { days, y, n, present, count: comparison.length }
}

interface PooledComparison {
  series: DaySeries
  /** Comparison series present at each focal period. */
  present: Int32Array
}

/** The pooled comparison at the focal periods: summed numerators and denominators (or mean values). */
export function poolComparison(focal: DaySeries, pool: ComparisonPool): PooledComparison {
  const length = focal.days.length
  const y = new Float64Array(length)
  const n = focal.n === undefined ? undefined : new Float64Array(length)
  const present = new Int32Array(length)
  let j = 0
  for (let i = 0; i < length; i++) {
    const day = focal.days[i] as number
    while (j < pool.days.length && (pool.days[j] as number) < day) j++
    const count = j < pool.days.length && pool.days[j] === day ? (pool.present[j] as number) : 0
    present[i] = count
    if (count === 0) {
      y[i] = Number.NaN
      if (n) n[i] = Number.NaN
    } else if (n === undefined) {
      y[i] = (pool.y[j] as number) / count
    } else {
      y[i] = pool.y[j] as number
      n[i] = pool.n?.[j] ?? Number.NaN
    }
  }
  return { series: { days: focal.days, y, n }, present }
}

/** The contrast of one kind for the focal series (NaN where it cannot be formed). */
export function buildContrast(
  kind: ContrastKind,
  focal: DaySeries,
  settings: ContrastSettings,
  comparison: ComparisonPool | null,
): Contrast {
  const length = focal.days.length
  const values = perPeriodValues(focal, settings)
  const difference = new Float64Array(length).fill(Number.NaN)
  const sigma = new Float64Array(length).fill(1)
  const variance =
    settings.accumulation === 'to_date'
      ? changeVariance(values, focal.n)
      : unitVariance(focal, settings.chart)
  const standardized = Number.isFinite(variance) && variance > 0
  const n = focal.n
  let comparisonCount = 0

  if (kind === 'comparison_schools') {
    // without comparison series every difference stays NaN
    const pooled = comparison === null ? null : poolComparison(focal, comparison)
    const pooledValues = pooled === null ? null : perPeriodValues(pooled.series, settings)
    comparisonCount = comparison?.count ?? 0
    for (let i = 0; pooled !== null && pooledValues !== null && i < length; i++) {
      if ((pooled.present[i] as number) < MIN_COMPARISON_SERIES) continue
      difference[i] = (values[i] as number) - (pooledValues[i] as number)
      if (standardized && n && pooled.series.n)
        sigma[i] = modelSigma(variance, n[i] as number, pooled.series.n[i] as number)
    }
  } else if (kind === 'same_weeks_last_year') {
    const lastYear = sameWeekLastYear(focal.days)
    for (let i = 0; i < length; i++) {
      const j = lastYear[i] as number
      if (j < 0) continue
      difference[i] = (values[i] as number) - (values[j] as number)
      if (standardized && n) sigma[i] = modelSigma(variance, n[i] as number, n[j] as number)
    }
  } else {
    for (let i = 0; i < length; i++) {
      difference[i] = values[i] as number
      if (standardized && n) sigma[i] = modelSigma(variance, n[i] as number)
    }
  }
  for (let i = 0; i < length; i++) {
    if (!Number.isFinite(sigma[i] as number) || (sigma[i] as number) <= 0) difference[i] = Number.NaN
  }
  return {
    kind,
    difference,
    sigma,
    standardized,
    comparisonCount,
    rareEvents: expectedPerPeriod(variance, focal, settings.chart, settings.accumulation) < 1,
  }
}
