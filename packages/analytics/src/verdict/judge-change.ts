// The verdict rules shared by cycleVerdict() and equityGap(): did the evaluation points move away
// from the frozen baseline, and in which direction? See README "Verdict rules".

import type { ChartType } from '../chart-types.ts'
import { meanOf } from '../numeric/accurate-sum.ts'
import { minimumCrossings } from '../numeric/binomial-quantile.ts'
import { medianOf } from '../numeric/median.ts'
import { analyzeSeries, type SeriesAnalysis } from '../series/analyze-series.ts'
import {
  findShiftsInRange,
  findTrendsInRange,
  IHI_SHIFT_LENGTH,
  IHI_TREND_LENGTH,
} from '../series/runs-analysis.ts'

/** Fewest baseline values for a centre line (and limits) worth comparing with (Anhøj, IHI: 10+). */
export const MIN_BASELINE_POINTS = 10
/** Fewest evaluation values that can show a runs signal (6 on one side: IHI shift, Anhøj crossings). */
export const MIN_EVALUATION_POINTS = 6

export type ChangeRule =
  | 'anhoej_long_run'
  | 'anhoej_few_crossings'
  | 'ihi_shift'
  | 'ihi_trend'
  | 'outside_control_limits'
  | 'cumulative_shift'

export type ChangeDirection = 'better' | 'worse'

export interface ChangeReason {
  rule: ChangeRule
  /** Whether the points moved in the measure's better or worse direction. */
  direction: ChangeDirection
  /** Which way the values moved: above / up, or below / down. */
  movement: 'up' | 'down'
  /** 0-based indices into the caller's observations (or periods) array. */
  pointIndices: number[]
  /** One sentence for teachers. */
  message: string
}

export interface PeriodSummary {
  /** Number of non-missing values. */
  n: number
  /** Median of the values (× multiplier); null without values. */
  median: number | null
  /** Mean of the values (× multiplier); null without values. */
  mean: number | null
}

export interface BaselineSummary extends PeriodSummary {
  /** Frozen centre line the evaluation is compared with (median for run charts, mean / p̄ / ū otherwise). */
  centreLine: number | null
}

export interface ChangeSummary {
  /** evaluation.median − baseline.median; null if either is missing. */
  absolute: number | null
  /** absolute / |baseline.median|; null if baseline.median is 0 or missing. */
  relative: number | null
}

export interface PointsNeeded {
  /** More baseline values needed (0 when the baseline is long enough). */
  baseline: number
  /** More evaluation values needed (0 when the evaluation is long enough). */
  evaluation: number
}

export type ChangeVerdict = 'improved' | 'worsened' | 'no_signal' | 'not_enough_data'

export interface ChangeJudgement {
  verdict: ChangeVerdict
  reasons: ChangeReason[]
  baseline: BaselineSummary
  evaluation: PeriodSummary
  change: ChangeSummary
  pointsNeeded?: PointsNeeded
  message: string
}

export interface JudgeChangeInput {
  chart: ChartType
  higherIsBetter: boolean
  /** Values (or numerators) in period order: the baseline first, then the evaluation. */
  y: ArrayLike<number | null>
  n?: ArrayLike<number | null> | undefined
  baselineCount: number
  multiply: number
  /** Maps a series index to the index reported in pointIndices (the caller's array). */
  originalIndex: (seriesIndex: number) => number
  /** Words for the values in messages, e.g. "points" or "gap values". */
  noun?: string
}

export type JudgeChangeOutcome = { ok: true; judgement: ChangeJudgement } | { ok: false; issues: string[] }

function summarize(values: Float64Array, start: number, end: number): PeriodSummary {
  const slice = values.subarray(start, end)
  let n = 0
  for (const value of slice) if (!Number.isNaN(value)) n++
  return {
    n,
    median: n === 0 ? null : medianOf(slice),
    mean: n === 0 ? null : meanOf(slice),
  }
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function sideWord(movement: 'up' | 'down'): string {
  return movement === 'up' ? 'above' : 'below'
}

function summaryOf(
  verdict: 'improved' | 'worsened',
  movement: 'up' | 'down',
  higherIsBetter: boolean,
  noun: string,
): string {
  const better = higherIsBetter ? 'higher' : 'lower'
  return `${verdict === 'improved' ? 'Improved' : 'Worsened'}: since the cycle started the ${noun} moved ${movement} (${better} is better for this measure).`
}

/** The columns of a series analysis the signal rules read. */
export type SignalColumns = Pick<
  SeriesAnalysis,
  'length' | 'values' | 'centreLine' | 'upperLimit' | 'sigmaSignal'
>

/**
 * Reasons from the evaluation points (from `baselineCount` on) of an analysis with a frozen
 * baseline. `noun` names the values in messages ("values", "weekly differences", ...).
 */
export function findReasons(
  analysis: SignalColumns,
  baselineCount: number,
  higherIsBetter: boolean,
  originalIndex: (seriesIndex: number) => number,
  noun = 'values',
  limitsName = 'Shewhart 3-sigma rule',
): ChangeReason[] {
  const reasons: ChangeReason[] = []
  const { values, centreLine } = analysis
  const start = baselineCount
  const end = analysis.length
  const directionOf = (movement: 'up' | 'down'): ChangeDirection =>
    (movement === 'up') === higherIsBetter ? 'better' : 'worse'
  const toOriginal = (indices: number[]) => indices.map(originalIndex)

  // Anhøj rules on the evaluation points against the frozen centre line
  const sides: number[] = []
  const usefulIndices: number[] = []
  for (let i = start; i < end; i++) {
    const difference = (values[i] as number) - (centreLine[i] as number)
    if (difference !== 0 && !Number.isNaN(difference)) {
      sides.push(difference > 0 ? 1 : -1)
      usefulIndices.push(i)
    }
  }
  const useful = sides.length
  if (useful > 0) {
    const longestRunMax = Math.round(Math.log2(useful)) + 3
    let runStart = 0
    let crossings = 0
    for (let k = 1; k <= useful; k++) {
      if (k === useful || sides[k] !== sides[runStart]) {
        const length = k - runStart
        if (length > longestRunMax) {
          const movement = (sides[runStart] as number) > 0 ? 'up' : 'down'
          reasons.push({
            rule: 'anhoej_long_run',
            direction: directionOf(movement),
            movement,
            pointIndices: toOriginal(usefulIndices.slice(runStart, k)),
            message: `${length} ${noun} in a row are ${sideWord(movement)} the baseline centre line; more than ${longestRunMax} in a row is unlikely by chance (Anhøj long-run rule).`,
          })
        }
        if (k < useful) crossings++
        runStart = k
      }
    }
    const crossingsMin = minimumCrossings(useful)
    if (crossings < crossingsMin) {
      const above = sides.filter((side) => side > 0).length
      const below = useful - above
      if (above !== below) {
        const movement = above > below ? 'up' : 'down'
        const majoritySide = movement === 'up' ? 1 : -1
        reasons.push({
          rule: 'anhoej_few_crossings',
          direction: directionOf(movement),
          movement,
          pointIndices: toOriginal(usefulIndices.filter((_, k) => sides[k] === majoritySide)),
          message: `The ${noun} crossed the baseline centre line only ${plural(crossings, 'time')} in ${useful} ${noun} (fewer than ${crossingsMin} is unlikely by chance) and ${Math.max(above, below)} of ${useful} lie ${sideWord(movement)} it (Anhøj crossings rule).`,
        })
      }
    }
  }

  for (const shift of findShiftsInRange(values, centreLine, start, end)) {
    reasons.push({
      rule: 'ihi_shift',
      direction: directionOf(shift.direction),
      movement: shift.direction,
      pointIndices: toOriginal(shift.pointIndices),
      message: `${shift.pointIndices.length} consecutive ${noun} are ${sideWord(shift.direction)} the baseline centre line (IHI shift rule: ${IHI_SHIFT_LENGTH} or more).`,
    })
  }
  for (const trend of findTrendsInRange(values, start, end)) {
    reasons.push({
      rule: 'ihi_trend',
      direction: directionOf(trend.direction),
      movement: trend.direction,
      pointIndices: toOriginal(trend.pointIndices),
      message: `${trend.pointIndices.length} consecutive ${noun} keep going ${trend.direction} (IHI trend rule: ${IHI_TREND_LENGTH} or more, repeated values not counted).`,
    })
  }

  const above: number[] = []
  const below: number[] = []
  for (let i = start; i < end; i++) {
    if (analysis.sigmaSignal[i] !== 1) continue
    if ((values[i] as number) > (analysis.upperLimit[i] as number)) above.push(i)
    else below.push(i)
  }
  for (const [indices, movement] of [
    [above, 'up'],
    [below, 'down'],
  ] as const) {
    if (indices.length === 0) continue
    reasons.push({
      rule: 'outside_control_limits',
      direction: directionOf(movement),
      movement,
      pointIndices: toOriginal(indices),
      message: `${plural(indices.length, noun.replace(/s$/, ''))} ${indices.length === 1 ? 'lies' : 'lie'} ${sideWord(movement)} the ${movement === 'up' ? 'upper' : 'lower'} control limit of the baseline (${limitsName}).`,
    })
  }
  return reasons
}

/** Judges the evaluation points against the frozen baseline. */
export function judgeChange(input: JudgeChangeInput): JudgeChangeOutcome {
  const { baselineCount, higherIsBetter } = input
  const length = input.y.length
  const outcome = analyzeSeries({
    chart: input.chart,
    y: input.y,
    n: input.n,
    freeze: baselineCount > 0 ? baselineCount : undefined,
    multiply: input.multiply,
  })
  if (!outcome.ok) {
    return {
      ok: false,
      issues: outcome.issues.map((issue) =>
        issue.index === undefined
          ? `${issue.field}: ${issue.message}`
          : `observations[${input.originalIndex(issue.index)}]: ${issue.message}`,
      ),
    }
  }
  const { analysis } = outcome
  const baselineSummary = summarize(analysis.values, 0, baselineCount)
  const baselineCentre = baselineCount > 0 ? (analysis.centreLine[0] as number) : Number.NaN
  const baseline: BaselineSummary = {
    ...baselineSummary,
    centreLine: Number.isFinite(baselineCentre) ? baselineCentre : null,
  }
  const evaluation = summarize(analysis.values, baselineCount, length)
  const absolute =
    baseline.median === null || evaluation.median === null ? null : evaluation.median - baseline.median
  const change: ChangeSummary = {
    absolute,
    relative: absolute === null || !baseline.median ? null : absolute / Math.abs(baseline.median),
  }
  const noun = input.noun ?? 'values'
  const singular = noun.replace(/s$/, '')
  const missingBaseline = Math.max(0, MIN_BASELINE_POINTS - baseline.n)
  const missingEvaluation = Math.max(0, MIN_EVALUATION_POINTS - evaluation.n)

  if (missingBaseline > 0 || baseline.centreLine === null) {
    const pointsNeeded = { baseline: Math.max(missingBaseline, 1), evaluation: missingEvaluation }
    const evaluationNote =
      missingEvaluation > 0
        ? ` The cycle has ${plural(evaluation.n, singular)} so far; at least ${MIN_EVALUATION_POINTS} are needed (${missingEvaluation} more).`
        : ''
    return {
      ok: true,
      judgement: {
        verdict: 'not_enough_data',
        reasons: [],
        baseline,
        evaluation,
        change,
        pointsNeeded,
        message: `Not enough data: the baseline before the cycle has ${plural(baseline.n, singular)}; at least ${MIN_BASELINE_POINTS} are needed for a reliable centre line (${pointsNeeded.baseline} more).${evaluationNote}`,
      },
    }
  }

  const reasons = findReasons(analysis, baselineCount, higherIsBetter, input.originalIndex)
  const hasBetter = reasons.some((reason) => reason.direction === 'better')
  const hasWorse = reasons.some((reason) => reason.direction === 'worse')
  let verdict: ChangeVerdict
  let message: string
  if (hasBetter && hasWorse) {
    // conflicting signals: follow the side of the baseline centre line where the evaluation median lies
    const median = evaluation.median as number
    const centre = baseline.centreLine
    const medianMovement = median > centre ? 'up' : median < centre ? 'down' : null
    if (medianMovement === null) {
      verdict = 'no_signal'
      message = `Conflicting signals: some rules point to a better and some to a worse direction, and the cycle's median equals the baseline centre line.`
    } else {
      verdict = (medianMovement === 'up') === higherIsBetter ? 'improved' : 'worsened'
      const direction = verdict === 'improved' ? 'better' : 'worse'
      message = `${summaryOf(verdict, medianMovement, higherIsBetter, noun)} Signals point both ways; the cycle's median lies ${sideWord(medianMovement)} the baseline centre line. ${reasons
        .filter((reason) => reason.direction === direction)
        .map((reason) => reason.message)
        .join(' ')}`
    }
  } else if (hasBetter || hasWorse) {
    verdict = hasBetter ? 'improved' : 'worsened'
    const movement = (reasons[0] as ChangeReason).movement
    message = `${summaryOf(verdict, movement, higherIsBetter, noun)} ${reasons.map((reason) => reason.message).join(' ')}`
  } else if (missingEvaluation > 0) {
    return {
      ok: true,
      judgement: {
        verdict: 'not_enough_data',
        reasons,
        baseline,
        evaluation,
        change,
        pointsNeeded: { baseline: 0, evaluation: missingEvaluation },
        message: `Not enough data yet: the cycle has ${plural(evaluation.n, singular)} and no signal so far; at least ${MIN_EVALUATION_POINTS} are needed to judge it (${missingEvaluation} more).`,
      },
    }
  } else {
    verdict = 'no_signal'
    message = `No signal: the ${evaluation.n} ${noun} since the cycle started vary around the baseline centre line as chance alone would. A difference of medians without a signal is not evidence of change.`
  }
  return { ok: true, judgement: { verdict, reasons, baseline, evaluation, change, message } }
}
