// The signal rules applied to a contrast (contrast.ts): an individuals chart of the standardized
// differences, frozen on the baseline, with Laney's sigma_z when the baseline is over-dispersed, and
// the evidence a verdict requires (ADR 014):
//   - an Anhøj runs signal (long run or too few crossings, around the baseline median) among at
//     least MIN_EVALUATION_POINTS values, or
//   - at least MIN_POINTS_BEYOND_LIMITS values beyond the same 3-sigma limit, or
//   - for the weekly changes of a to-date status (cumulative: true), a cumulative shift: the sum of
//     the cycle's values minus the baseline mean, beyond CUMULATIVE_SHIFT_LIMIT standard errors
//     estimated from the baseline (cumulativeShift), among at least MIN_EVALUATION_POINTS values.
// A single value beyond a limit, the IHI shift (6 in a row: its false-alarm rate grows with the
// number of values, while Anhøj's limits follow it) and the IHI trend decide nothing (ADR 014).

import { medianOf } from '../numeric/median.ts'
import { criticalOverdispersionRatio } from '../series/overdispersion.ts'
import { type ChangeReason, findReasons, MIN_EVALUATION_POINTS } from './judge-change.ts'

/** Values beyond the same limit needed for a verdict without a runs signal. */
export const MIN_POINTS_BEYOND_LIMITS = 2
/** Standard errors of the cycle's summed excess for a cumulative shift (two-sided nominal 1.2 %). */
export const CUMULATIVE_SHIFT_LIMIT = 2.5
const MOVING_RANGE_SCREEN_FACTOR = 3.267
const D2 = 1.128

export type ContrastLimits = 'shewhart' | 'laney'

export interface ContrastJudgement {
  verdict: 'improved' | 'worsened' | 'no_signal' | 'too_few_values'
  /** The deciding reasons (see the header), pointIndices in the caller's indices. */
  reasons: ChangeReason[]
  limits: ContrastLimits
  /** Laney's sigma_z of the baseline (1 = as much variation as binomial / Poisson); null without a test. */
  dispersion: number | null
}

export interface JudgeContrastInput {
  /** Standardized differences (difference / sigma), baseline then evaluation, no NaN. */
  z: Float64Array
  baselineCount: number
  /** z-scores have a model variance of 1 (binomial / Poisson); otherwise spread comes from the data. */
  standardized: boolean
  /**
   * Rare, clustered events (changes of a to-date count): limits never narrower than the unscreened
   * moving ranges of the baseline say, since a burst of events is the common cause there.
   */
  clustered?: boolean
  /** Fewer than one event expected per period: values beyond the limits decide nothing. */
  rareEvents?: boolean
  /**
   * Weekly changes of a to-date status: the cycle's summed excess over the baseline is judged too
   * (cumulativeShift), since a small sustained shift of noisy changes forms no runs signal.
   */
  cumulative?: boolean
  higherIsBetter: boolean
  originalIndex: (index: number) => number
  noun: string
}

/** Average moving range of consecutive values, after dropping ranges ≥ 3.267 × the first average. */
function averageMovingRange(values: Float64Array, end: number, screen = true): number {
  if (end < 2) return Number.NaN
  let sum = 0
  for (let i = 1; i < end; i++) sum += Math.abs((values[i] as number) - (values[i - 1] as number))
  const first = sum / (end - 1)
  if (!screen) return first
  let kept = 0
  let keptSum = 0
  for (let i = 1; i < end; i++) {
    const range = Math.abs((values[i] as number) - (values[i - 1] as number))
    if (range < MOVING_RANGE_SCREEN_FACTOR * first) {
      kept++
      keptSum += range
    }
  }
  return kept === 0 ? first : keptSum / kept
}

/**
 * Over-dispersion of standardized baseline values, by the series test (src/series/overdispersion.ts,
 * ADR 015): Laney's sigma_z (screened average moving range / 1.128) against its 95th percentile for
 * data without extra variation. Null ratio with fewer than 3 values.
 */
export function baselineDispersion(z: Float64Array, count: number): { ratio: number | null; over: boolean } {
  const sigmaZ = averageMovingRange(z, count) / D2
  const critical = criticalOverdispersionRatio(count - 1)
  if (!Number.isFinite(sigmaZ) || critical === null) return { ratio: null, over: false }
  return { ratio: sigmaZ, over: sigmaZ > critical }
}

/**
 * The cycle's summed excess over the baseline mean, in standard errors: Σ (z_i − mean) over the
 * evaluation values, divided by the sd of that sum estimated from the baseline. The baseline values
 * are taken as MA(1) (net weekly changes of a status measured with noise alternate: negative lag-1
 * autocovariance c1), so the variance of a sum of m consecutive values is m·s² + 2(m − 1)·c1, never
 * below one value's s²; the error of the estimated baseline mean, k times over, is added. The
 * telescoping sum is the change of the level contrast over the cycle, beyond the baseline's drift.
 * Null with fewer than MIN_EVALUATION_POINTS evaluation values, fewer than 3 baseline values, or a
 * baseline without variation.
 */
export function cumulativeShift(z: Float64Array, baselineCount: number): number | null {
  const k = z.length - baselineCount
  if (k < MIN_EVALUATION_POINTS || baselineCount < 3) return null
  let mean = 0
  for (let i = 0; i < baselineCount; i++) mean += z[i] as number
  mean /= baselineCount
  let s2 = 0
  let c1 = 0
  for (let i = 0; i < baselineCount; i++) {
    const r = (z[i] as number) - mean
    s2 += r * r
    if (i > 0) c1 += r * ((z[i - 1] as number) - mean)
  }
  s2 /= baselineCount - 1
  c1 /= baselineCount - 1
  if (!(s2 > 0)) return null
  const sumVariance = (m: number) => Math.max(s2, m * s2 + 2 * (m - 1) * c1)
  const variance = sumVariance(k) + (k / baselineCount) ** 2 * sumVariance(baselineCount)
  let excess = 0
  for (let i = baselineCount; i < z.length; i++) excess += (z[i] as number) - mean
  return excess / Math.sqrt(variance)
}

export function judgeContrast(input: JudgeContrastInput): ContrastJudgement {
  const { z, baselineCount, higherIsBetter } = input
  const length = z.length
  let mean = 0
  for (let i = 0; i < baselineCount; i++) mean += z[i] as number
  mean /= baselineCount
  const median = medianOf(z.subarray(0, baselineCount))
  let sigma: number
  let limits: ContrastLimits
  let dispersion: number | null = null
  if (input.standardized) {
    const test = baselineDispersion(z, baselineCount)
    dispersion = test.ratio
    limits = test.over || input.clustered ? 'laney' : 'shewhart'
    sigma = input.clustered
      ? Math.max(1, averageMovingRange(z, baselineCount, false) / D2)
      : test.over
        ? Math.max(1, test.ratio as number)
        : 1
  } else {
    limits = 'shewhart'
    sigma = averageMovingRange(z, baselineCount) / D2
  }
  const upper = mean + 3 * sigma
  const lower = mean - 3 * sigma
  const centreLine = new Float64Array(length).fill(median)
  const upperLimit = new Float64Array(length).fill(sigma > 0 ? upper : Number.NaN)
  const sigmaSignal = new Uint8Array(length)
  if (sigma > 0) {
    for (let i = baselineCount; i < length; i++) {
      const value = z[i] as number
      if (value > upper || value < lower) sigmaSignal[i] = 1
    }
  }
  const limitsName =
    limits === 'laney'
      ? "3-sigma limits widened for over-dispersion, Laney's method"
      : input.standardized
        ? 'Shewhart 3-sigma rule'
        : 'individuals chart, 3-sigma rule'
  const reasons = findReasons(
    { length, values: z, centreLine, upperLimit, sigmaSignal },
    baselineCount,
    higherIsBetter,
    input.originalIndex,
    input.noun,
    limitsName,
  )
  const evaluationCount = length - baselineCount
  const shift = input.cumulative ? cumulativeShift(z, baselineCount) : null
  if (shift !== null && Math.abs(shift) > CUMULATIVE_SHIFT_LIMIT) {
    const movement = shift > 0 ? 'up' : 'down'
    const indices: number[] = []
    for (let i = baselineCount; i < length; i++) indices.push(input.originalIndex(i))
    reasons.push({
      rule: 'cumulative_shift',
      direction: (movement === 'up') === higherIsBetter ? 'better' : 'worse',
      movement,
      pointIndices: indices,
      message: `Summed over the cycle, the ${evaluationCount} ${input.noun} lie ${Math.abs(shift).toFixed(1)} standard errors ${movement === 'up' ? 'above' : 'below'} the baseline average (more than ${CUMULATIVE_SHIFT_LIMIT} is unlikely by chance; standard error from the baseline's own variation).`,
    })
  }
  const deciding = reasons.filter(
    (reason) =>
      isDeciding(reason, evaluationCount) && !(input.rareEvents && reason.rule === 'outside_control_limits'),
  )
  const better = deciding.some((reason) => reason.direction === 'better')
  const worse = deciding.some((reason) => reason.direction === 'worse')
  let verdict: ContrastJudgement['verdict']
  if (better !== worse) verdict = better ? 'improved' : 'worsened'
  else if (better && worse) {
    const evaluationMedian = medianOf(z.subarray(baselineCount))
    const movement = evaluationMedian > median ? 'up' : evaluationMedian < median ? 'down' : null
    verdict =
      movement === null ? 'no_signal' : (movement === 'up') === higherIsBetter ? 'improved' : 'worsened'
  } else verdict = evaluationCount < MIN_EVALUATION_POINTS ? 'too_few_values' : 'no_signal'
  return { verdict, reasons: deciding, limits, dispersion }
}

/** Whether a reason is evidence enough for a verdict (see the header). */
export function isDeciding(reason: ChangeReason, evaluationCount: number): boolean {
  if (reason.rule === 'ihi_trend' || reason.rule === 'ihi_shift') return false
  if (reason.rule === 'outside_control_limits') return reason.pointIndices.length >= MIN_POINTS_BEYOND_LIMITS
  return evaluationCount >= MIN_EVALUATION_POINTS
}
