// Over-dispersion test for p and u data (Laney 2002; Mohammed & Laney 2006): do the points vary more
// from one subgroup to the next than the binomial (p) or Poisson (u) model allows? With large
// denominators the p / u limits become very narrow and ordinary between-period variation then falls
// outside them; Laney's p′ / u′ charts widen the limits by sigma_z. The decision rule and the figures
// behind it are in docs/decisions/015-overdispersion-and-qicharts2-input-parity.md.

import { averageMovingRange, laneyPhaseSigmaZ, type SeriesColumns } from './control-limits.ts'
import { OVERDISPERSION_CRITICAL_RATIOS, OVERDISPERSION_TEST_LEVEL } from './overdispersion-table.ts'

export { OVERDISPERSION_TEST_LEVEL }

export interface OverdispersionInput {
  /** 'p' for proportions (binomial), 'u' for rates (Poisson). */
  chart: 'p' | 'u'
  /** Numerators in time order; null or NaN = missing. */
  y: ArrayLike<number | null>
  /** Denominators, same length as y; a point with a missing or zero denominator is skipped. */
  n: ArrayLike<number | null>
  /** 0-based index of the first point to use (default 0), e.g. the start of a baseline. */
  start?: number | undefined
  /** 0-based index one past the last point to use (default y.length). */
  end?: number | undefined
}

export interface OverdispersionResult {
  /**
   * Laney's sigma_z: the average moving range of the z-scores (pᵢ − p̄) / σᵢ divided by 1.128, with
   * moving ranges of 3.267 × their average or more screened out, exactly as the pp / up chart
   * computes it (qicharts2). 1 = as much variation as the binomial / Poisson model expects; the
   * Laney chart's limits are the p / u limits × ratio. null when it cannot be computed (fewer than two
   * consecutive usable points, or p̄ of 0 or 1 / ū of 0: no variation to measure).
   */
  ratio: number | null
  /**
   * The ratio above which the data count as over-dispersed for this number of moving ranges: the
   * 95th percentile of sigma_z for data without extra variation (one-sided test at level 0.05).
   * null with fewer than 2 moving ranges (no test).
   */
  criticalRatio: number | null
  /** ratio > criticalRatio: use the Laney chart (laneyChartFor(chart)). */
  isOverdispersed: boolean
  /** Points with a numerator and a positive denominator. */
  pointsUsed: number
  /** Moving ranges between consecutive used points (a missing point breaks the two next to it). */
  movingRanges: number
}

/** The Laney chart for a p or u chart: 'p' → 'pp' (p′), 'u' → 'up' (u′). */
export function laneyChartFor(chart: 'p' | 'u'): 'pp' | 'up' {
  return chart === 'p' ? 'pp' : 'up'
}

/**
 * The critical sigma_z for `movingRanges` moving ranges at level 0.05 (one-sided): interpolated
 * linearly in 1 / sqrt(movingRanges) between the simulated table entries. Beyond the table (1,000
 * moving ranges) it follows the asymptotic slope: the screened sigma_z of N(0, 1) data has a
 * standard deviation of 0.975 / sqrt(k) for large k (simulated), so its 95th percentile moves by
 * 1.645 × 0.975 × Δ(1 / sqrt(k)).
 */
export function criticalOverdispersionRatio(movingRanges: number): number | null {
  if (!(movingRanges >= 2)) return null
  const table = OVERDISPERSION_CRITICAL_RATIOS
  const [lastK, lastQ] = table[table.length - 1] as readonly [number, number]
  if (movingRanges >= lastK) {
    return lastQ + ASYMPTOTIC_SCALE * (1 / Math.sqrt(movingRanges) - 1 / Math.sqrt(lastK))
  }
  let upper = 1
  while ((table[upper] as readonly [number, number])[0] < movingRanges) upper++
  const [k1, q1] = table[upper - 1] as readonly [number, number]
  const [k2, q2] = table[upper] as readonly [number, number]
  const t = (1 / Math.sqrt(movingRanges) - 1 / Math.sqrt(k1)) / (1 / Math.sqrt(k2) - 1 / Math.sqrt(k1))
  return q1 + t * (q2 - q1)
}

const ASYMPTOTIC_SCALE = 1.645 * 0.975

function isPresent(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && !Number.isNaN(value)
}

/**
 * Tests p or u data for over-dispersion (Laney's sigma_z against its distribution for data without
 * extra variation). Pure; expects data that analyzeSeries accepts for the chart (non-negative counts,
 * p numerators not above their denominators).
 */
export function overdispersion(input: OverdispersionInput): OverdispersionResult {
  const { chart, y, n } = input
  if (chart !== 'p' && chart !== 'u') throw new RangeError(`overdispersion: chart must be 'p' or 'u'`)
  if (y.length !== n.length) throw new RangeError(`overdispersion: y has ${y.length} entries, n ${n.length}`)
  const start = input.start ?? 0
  const end = input.end ?? y.length
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= y.length)) {
    throw new RangeError(`overdispersion: start ${start} / end ${end} outside 0..${y.length}`)
  }
  const length = end - start
  const columns: SeriesColumns = {
    value: new Float64Array(length),
    ySum: new Float64Array(length),
    n: new Float64Array(length),
    isBase: new Uint8Array(length).fill(1),
  }
  let pointsUsed = 0
  let movingRanges = 0
  let previousUsed = false
  for (let i = 0; i < length; i++) {
    const numerator = y[start + i]
    const denominator = n[start + i]
    const isUsed = isPresent(numerator) && isPresent(denominator) && denominator > 0
    // as analyzeSeries: a missing point adds nothing to Σy and Σn and has no value
    columns.ySum[i] = isUsed ? numerator : Number.NaN
    columns.n[i] = isUsed ? denominator : 0
    columns.value[i] = isUsed ? numerator / denominator : Number.NaN
    if (isUsed) pointsUsed++
    if (isUsed && previousUsed) movingRanges++
    previousUsed = isUsed
  }
  const { sigmaZ } = laneyPhaseSigmaZ(chart, columns, 0, length, true)
  const ratio = Number.isFinite(sigmaZ) ? sigmaZ : null
  const criticalRatio = criticalOverdispersionRatio(movingRanges)
  return {
    ratio,
    criticalRatio,
    isOverdispersed: ratio !== null && criticalRatio !== null && ratio > criticalRatio,
    pointsUsed,
    movingRanges,
  }
}

/** Screened sigma_z of a sequence of z-scores (for the table generator and tests). */
export function screenedSigmaOfScores(scores: Float64Array): number {
  const isBase = new Uint8Array(scores.length).fill(1)
  return averageMovingRange((i) => scores[i] as number, isBase, 0, scores.length, true) / 1.128
}
