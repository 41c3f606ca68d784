// Cycle verdict: did a PDSA cycle's measure improve, worsen, or show no signal?
// Evaluation = observations from the cycle start through end + lagDays. The baseline and the
// comparison that removes the school calendar are chosen in calendar-verdict.ts (ADR 014); the
// signal rules are in judge-change.ts and judge-contrast.ts, the README explains them.

import { CHART_TYPES_REQUIRING_DENOMINATOR, type ChartType, hasControlLimits } from '../chart-types.ts'
import { calendarAwareVerdict } from './calendar-aware-verdict.ts'
import {
  type BaselineSummary,
  type ChangeReason,
  type ChangeSummary,
  judgeChange,
  type PeriodSummary,
  type PointsNeeded,
} from './judge-change.ts'
import { type CycleWindow, splitByWindow } from './periods.ts'

/** period: each value describes its own period; to_date: cumulative since the school year started. */
export type Accumulation = 'period' | 'to_date'
export type MeasureCadence = 'daily' | 'weekly' | 'monthly' | 'term' | 'annual'

export interface MeasureDefinition {
  higherIsBetter: boolean
  chartType: ChartType
  /** Multiplies values for display (e.g. 100 for percent). Default 1. */
  multiplier?: number
  /** How the values accumulate. Default 'period'. */
  accumulation?: Accumulation
  /** How often a value is expected. Default: inferred from the periods. */
  cadence?: MeasureCadence
  /** First day of the school year, MM-DD (to-date values restart on it). Default '07-01'. */
  schoolYearStart?: string
}

/** Another series of the same measure (e.g. the same group at a school that ran no cycle on it). */
export interface ComparisonSeries {
  /** For reasons and messages, e.g. a school id. */
  id?: string
  /**
   * Read as immutable: its sorted form is kept per array object, so passing the same array to many
   * links (one comparison series per measure and group) prepares it once.
   */
  observations: readonly Observation[]
}

/** An earlier cycle on the same series: an adopted change whose signal held starts a new phase. */
export interface PriorCycle {
  start: string
  end: string
  lagDays?: number
  decision: 'adopt' | 'adapt' | 'abandon' | null
}

/**
 * The comparison a verdict rests on (ADR 014): schools that ran no cycle on the measure, the same
 * weeks of last school year, this school year's values before the cycle, or (the verdict before
 * ADR 014, kept for comparison) every earlier value.
 */
export const VERDICT_METHOD_KINDS = [
  'comparison_schools',
  'same_weeks_last_year',
  'school_year_baseline',
  'frozen_baseline',
] as const
export type VerdictMethodKind = (typeof VERDICT_METHOD_KINDS)[number]

/** How the verdict was reached, in words a principal can read. */
export interface VerdictMethod {
  /** Machine name of the comparison used. */
  kind: VerdictMethodKind
  /** Plain words, e.g. "compared with the same weeks of last school year". */
  description: string
  /** Control limits used for the signal rules: Shewhart (naive), Laney p′/u′, or none (run chart). */
  limits: 'shewhart' | 'laney' | 'none'
  /** First period of the baseline phase when an adopted earlier cycle re-baselined the series. */
  phaseStart: string | null
}

export interface Observation {
  /** ISO date (YYYY-MM-DD) of the period the value belongs to; one observation per period. */
  period: string
  /** The value itself, for measures without a denominator. null = missing. */
  value?: number | null
  /** Numerator and denominator, for rates and proportions (value = numerator / denominator). */
  numerator?: number | null
  denominator?: number | null
}

export interface CycleVerdictInput {
  measure: MeasureDefinition
  /** Read as immutable, like the comparison series' (the sorted form is kept per array object). */
  observations: readonly Observation[]
  cycle: CycleWindow
  /** Other series of the same measure (schools or groups that ran no cycle on it), same periods. */
  comparison?: readonly ComparisonSeries[]
  /** Earlier cycles on the same series. */
  priorCycles?: readonly PriorCycle[]
  /** The cycle has ended: a not_enough_data verdict is final (no "more values needed"). */
  isFinal?: boolean
  /** Force one comparison; default 'auto': the first usable of the preference order (ADR 014). */
  method?: VerdictMethodKind | 'auto'
}

export const CYCLE_VERDICTS = ['improved', 'worsened', 'no_signal', 'not_enough_data'] as const
export type CycleVerdictKind = (typeof CYCLE_VERDICTS)[number]

export interface CycleVerdict {
  verdict: CycleVerdictKind
  /** Signals found on the evaluation points; pointIndices index the input `observations`. */
  reasons: ChangeReason[]
  baseline: BaselineSummary
  evaluation: PeriodSummary
  change: ChangeSummary
  /** With a not_enough_data verdict of a cycle still running: how many more values are needed. */
  pointsNeeded?: PointsNeeded
  /** Plain-language explanation for teachers. */
  message: string
  /** The comparison and limits the verdict rests on. */
  method: VerdictMethod
}

export type CycleVerdictOutcome = ({ ok: true } & CycleVerdict) | { ok: false; issues: string[] }

interface SeriesArrays {
  y: (number | null)[]
  n: (number | null)[] | undefined
}

/**
 * y / n arrays for the chosen observations. Observations carry either `value` or
 * `numerator` + `denominator`; a measure must use one form throughout.
 */
export function observationArrays(
  observations: readonly Observation[],
  order: readonly number[],
  chart: ChartType,
): { ok: true; arrays: SeriesArrays } | { ok: false; issues: string[] } {
  const hasRatioFields = observations.some((o) => o.numerator !== undefined || o.denominator !== undefined)
  const needsRatio = CHART_TYPES_REQUIRING_DENOMINATOR.includes(chart)
  const usesRatio = hasRatioFields || needsRatio
  const issues: string[] = []
  if (needsRatio && !hasRatioFields && observations.length > 0) {
    issues.push(`a ${chart} chart needs numerator and denominator on its observations`)
  }
  if (hasRatioFields && observations.some((o) => o.value !== undefined && o.value !== null)) {
    issues.push('observations mix value with numerator / denominator; use one form for a measure')
  }
  if (issues.length > 0) return { ok: false, issues }
  const y = order.map((index) => {
    const observation = observations[index] as Observation
    return (usesRatio ? observation.numerator : observation.value) ?? null
  })
  const n = usesRatio
    ? order.map((index) => (observations[index] as Observation).denominator ?? null)
    : undefined
  return { ok: true, arrays: { y, n } }
}

/** Verdict for one measure of one cycle. Invalid input comes back as `{ ok: false, issues }`. */
export function cycleVerdict(input: CycleVerdictInput): CycleVerdictOutcome {
  if (input.method === 'frozen_baseline') return frozenBaselineVerdict(input)
  return calendarAwareVerdict(input)
}

/**
 * The verdict before ADR 014: every value before the cycle is the frozen baseline of a chart of the
 * measure's own type, and any signal rule decides. Kept for comparison (`pnpm bench verdicts`).
 */
export function frozenBaselineVerdict(input: CycleVerdictInput): CycleVerdictOutcome {
  const { measure, observations, cycle } = input
  const windowed = splitByWindow(
    observations.map((observation) => observation.period),
    cycle,
  )
  if (!windowed.ok) return windowed
  const { order, baselineCount } = windowed.series
  const arrays = observationArrays(observations, order, measure.chartType)
  if (!arrays.ok) return arrays
  const judged = judgeChange({
    chart: measure.chartType,
    higherIsBetter: measure.higherIsBetter,
    y: arrays.arrays.y,
    n: arrays.arrays.n,
    baselineCount,
    multiply: measure.multiplier ?? 1,
    originalIndex: (seriesIndex) => order[seriesIndex] as number,
  })
  if (!judged.ok) return judged
  const method: VerdictMethod = {
    kind: 'frozen_baseline',
    description: 'compared with every value before the cycle started',
    limits: hasControlLimits(measure.chartType) ? 'shewhart' : 'none',
    phaseStart: null,
  }
  return { ok: true, ...judged.judgement, method }
}
