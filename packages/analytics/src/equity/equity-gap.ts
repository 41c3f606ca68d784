// Equity gap: focal group vs a reference group, per period, analysed like a cycle verdict.
//
// gap (difference) = focal − reference, in the measure's unit (× multiplier)
// risk ratio       = focal / reference (for adverse events such as suspensions, chronic absence)
//
// The gap series gets a run-chart analysis against the baseline (periods before window.start).
// "narrowed" needs a signal that the focal group's disadvantage shrinks: for a higher-is-better
// measure the difference moves up, for a lower-is-better measure (adverse events) it moves down
// (and the risk ratio moves down). A period where either side is missing or suppressed has no gap.

import type { ChangeReason, ChangeSummary, PeriodSummary, PointsNeeded } from '../verdict/judge-change.ts'
import { judgeChange } from '../verdict/judge-change.ts'
import { type CycleWindow, splitByWindow } from '../verdict/periods.ts'

export interface GroupCell {
  numerator?: number | null
  denominator?: number | null
  /** The value itself when there is no numerator / denominator. */
  value?: number | null
  /** Set from suppressCells(): the cell must not be used. */
  isSuppressed?: boolean
}

export interface EquityGapPeriod {
  /** ISO date of the period. */
  period: string
  focal: GroupCell
  /** The reference group's cell, for reference kind 'named_group'. */
  reference?: GroupCell
  /** All students (including the focal group), for 'all_students' and 'all_other_students'. */
  allStudents?: GroupCell
}

/**
 * - all_students: reference = the all-students cell;
 * - all_other_students: reference = everyone but the focal group, derived from counts:
 *   (allStudents.numerator − focal.numerator) / (allStudents.denominator − focal.denominator);
 * - named_group: reference = the period's `reference` cell.
 */
export type ReferenceKind = 'all_students' | 'all_other_students' | 'named_group'

export type GapMetric = 'difference' | 'risk_ratio'

export interface EquityGapInput {
  measure: {
    higherIsBetter: boolean
    /** Multiplies rates for display (e.g. 100 for percent). Default 1. Not applied to risk ratios. */
    multiplier?: number
  }
  reference: ReferenceKind
  periods: readonly EquityGapPeriod[]
  /** Baseline = periods before start; evaluation = start through end + lagDays. */
  window: CycleWindow
  /** Which gap the verdict is about. Default 'difference'; 'risk_ratio' only for lower-is-better measures. */
  metric?: GapMetric
  /**
   * A rate whose denominator is below this is treated as suppressed (default 10), including the
   * derived "all other students" group. Cells flagged isSuppressed are never used either.
   */
  minimumCellSize?: number
}

export interface GapPoint {
  period: string
  /** Index into the input periods. */
  periodIndex: number
  focal: number | null
  reference: number | null
  /** focal − reference (× multiplier); null when either side is missing or suppressed. */
  difference: number | null
  /** focal / reference; null when either is missing or suppressed, or reference is 0. */
  riskRatio: number | null
}

export const GAP_VERDICTS = ['narrowed', 'widened', 'no_signal', 'not_enough_data'] as const
export type GapVerdictKind = (typeof GAP_VERDICTS)[number]

export interface GapAnalysis {
  verdict: GapVerdictKind
  metric: GapMetric
  /** Signals; direction 'better' = the gap narrows. pointIndices index the input periods. */
  reasons: ChangeReason[]
  /** Gap per period, in period order, only for periods in the baseline or the evaluation. */
  gapSeries: GapPoint[]
  baseline: PeriodSummary & { centreLine: number | null }
  evaluation: PeriodSummary
  change: ChangeSummary
  pointsNeeded?: PointsNeeded
  message: string
}

export type GapAnalysisOutcome = ({ ok: true } & GapAnalysis) | { ok: false; issues: string[] }

const DEFAULT_MINIMUM_CELL_SIZE = 10

interface Rate {
  value: number | null
}

function cellRate(cell: GroupCell | undefined, minimumCellSize: number): Rate {
  if (cell === undefined || cell.isSuppressed === true) return { value: null }
  const { numerator, denominator, value } = cell
  if (numerator !== undefined || denominator !== undefined) {
    if (numerator === null || numerator === undefined || denominator === null || denominator === undefined) {
      return { value: null }
    }
    if (denominator <= 0 || denominator < minimumCellSize) return { value: null }
    return { value: numerator / denominator }
  }
  return { value: value ?? null }
}

function otherStudentsRate(focal: GroupCell, all: GroupCell | undefined, minimumCellSize: number): Rate {
  // a derived cell is only as safe as both cells it comes from
  if (all === undefined || all.isSuppressed === true || focal.isSuppressed === true) return { value: null }
  const { numerator: allNumerator, denominator: allDenominator } = all
  const { numerator: focalNumerator, denominator: focalDenominator } = focal
  if (
    allNumerator === null ||
    allNumerator === undefined ||
    allDenominator === null ||
    allDenominator === undefined ||
    focalNumerator === null ||
    focalNumerator === undefined ||
    focalDenominator === null ||
    focalDenominator === undefined
  ) {
    return { value: null }
  }
  const otherDenominator = allDenominator - focalDenominator
  if (otherDenominator <= 0 || otherDenominator < minimumCellSize) return { value: null }
  return { value: (allNumerator - focalNumerator) / otherDenominator }
}

function validate(input: EquityGapInput): string[] {
  const issues: string[] = []
  const metric = input.metric ?? 'difference'
  if (metric === 'risk_ratio' && input.measure.higherIsBetter) {
    issues.push('risk_ratio gaps are for adverse events: the measure must be lower-is-better')
  }
  input.periods.forEach((period, index) => {
    if (input.reference === 'named_group' && period.reference === undefined) {
      issues.push(`periods[${index}]: reference 'named_group' needs a reference cell`)
    }
    if (input.reference !== 'named_group' && period.allStudents === undefined) {
      issues.push(`periods[${index}]: reference '${input.reference}' needs an allStudents cell`)
    }
    const all = period.allStudents
    const focal = period.focal
    if (
      input.reference === 'all_other_students' &&
      all !== undefined &&
      (focal.numerator === undefined ||
        focal.denominator === undefined ||
        all.numerator === undefined ||
        all.denominator === undefined)
    ) {
      issues.push(`periods[${index}]: 'all_other_students' is derived from numerators and denominators`)
    }
  })
  return issues
}

/** Gap series and its verdict. Invalid input comes back as `{ ok: false, issues }`. */
export function equityGap(input: EquityGapInput): GapAnalysisOutcome {
  const issues = validate(input)
  if (issues.length > 0) return { ok: false, issues }
  const metric = input.metric ?? 'difference'
  const multiplier = input.measure.multiplier ?? 1
  const minimumCellSize = input.minimumCellSize ?? DEFAULT_MINIMUM_CELL_SIZE
  const windowed = splitByWindow(
    input.periods.map((period) => period.period),
    input.window,
  )
  if (!windowed.ok) return windowed
  const { order, baselineCount } = windowed.series

  const gapSeries: GapPoint[] = order.map((periodIndex) => {
    const period = input.periods[periodIndex] as EquityGapPeriod
    const focal = cellRate(period.focal, minimumCellSize).value
    const reference =
      input.reference === 'named_group'
        ? cellRate(period.reference, minimumCellSize).value
        : input.reference === 'all_students'
          ? cellRate(period.allStudents, minimumCellSize).value
          : otherStudentsRate(period.focal, period.allStudents, minimumCellSize).value
    const isComplete = focal !== null && reference !== null
    return {
      period: period.period,
      periodIndex,
      focal: focal === null ? null : focal * multiplier,
      reference: reference === null ? null : reference * multiplier,
      difference: isComplete ? focal * multiplier - reference * multiplier : null,
      riskRatio: isComplete && reference !== 0 ? focal / reference : null,
    }
  })

  const judged = judgeChange({
    chart: 'run',
    // the focal group's disadvantage shrinks when the gap moves in the measure's better direction
    higherIsBetter: input.measure.higherIsBetter,
    y: gapSeries.map((point) => (metric === 'difference' ? point.difference : point.riskRatio)),
    baselineCount,
    multiply: 1,
    originalIndex: (seriesIndex) => order[seriesIndex] as number,
    noun: 'gap values',
  })
  if (!judged.ok) return judged
  const { judgement } = judged
  const verdict: GapVerdictKind =
    judgement.verdict === 'improved'
      ? 'narrowed'
      : judgement.verdict === 'worsened'
        ? 'widened'
        : judgement.verdict
  const gapWord = metric === 'difference' ? 'gap' : 'risk ratio'
  const baselineMedian = judgement.baseline.median
  const neutral = metric === 'difference' ? 0 : 1
  const wasFocalBehind =
    baselineMedian === null ||
    (input.measure.higherIsBetter ? baselineMedian < neutral : baselineMedian > neutral)
  const message =
    (verdict === 'narrowed'
      ? judgement.message.replace(/^Improved/, `The ${gapWord} narrowed`)
      : verdict === 'widened'
        ? judgement.message.replace(/^Worsened/, `The ${gapWord} widened`)
        : judgement.message) +
    (wasFocalBehind ? '' : ' Note: in the baseline the focal group was not behind the reference group.')
  const result: GapAnalysis = {
    verdict,
    metric,
    reasons: judgement.reasons,
    gapSeries,
    baseline: judgement.baseline,
    evaluation: judgement.evaluation,
    change: judgement.change,
    message,
  }
  if (judgement.pointsNeeded !== undefined) result.pointsNeeded = judgement.pointsNeeded
  return { ok: true, ...result }
}
