// The calendar-aware cycle verdict (ADR 014): the cycle's series is turned into per-period values
// (changes within the school year for to-date measures), contrasted with a comparison that removes
// the school calendar, and the signal rules judge the contrast during the cycle against the
// contrast before it. Comparisons, in order of preference (measured by `pnpm bench verdicts`):
//   1. comparison_schools: the same group at schools that ran no cycle on the measure (≥ 3);
//   2. same_weeks_last_year: the same weeks of the previous school year;
//   3. school_year_baseline: this school year's values before the cycle (the calendar stays in: caveat).
// The baseline is the most recent MAX_BASELINE_POINTS differences before the cycle, from the cycle's
// school year when it has MIN_BASELINE_POINTS, and never before the phase an adopted earlier cycle
// started (re-baselining: calendar-aware-verdict.ts).

import { type ChartType, hasControlLimits } from '../chart-types.ts'
import { meanOf } from '../numeric/accurate-sum.ts'
import { medianOf } from '../numeric/median.ts'
import {
  buildContrast,
  type ComparisonPool,
  type Contrast,
  type ContrastKind,
  type DaySeries,
  MIN_COMPARISON_SERIES,
} from './contrast.ts'
import type { CycleVerdict, VerdictMethod } from './cycle-verdict.ts'
import {
  type BaselineSummary,
  type ChangeReason,
  MIN_BASELINE_POINTS,
  MIN_EVALUATION_POINTS,
  type PeriodSummary,
} from './judge-change.ts'
import { judgeContrast } from './judge-contrast.ts'

/** Most recent baseline differences used: recent enough to follow slow drift, long enough for limits. */
export const MAX_BASELINE_POINTS = 20

export interface PreparedSeries {
  focal: DaySeries
  /** Index of each focal value in the caller's observations. */
  originalIndex: Int32Array
  /** Focal values before the cycle start (the rest are the evaluation). */
  baselineCount: number
  /** The comparison series pooled (null without any). */
  comparison: ComparisonPool | null
  schoolYears: Int32Array
}

export interface CalendarVerdictSettings {
  chart: ChartType
  higherIsBetter: boolean
  accumulation: 'period' | 'to_date'
  multiplier: number
  /** Day number of the first period of the baseline phase (re-baselining), or null. */
  phaseStartDay: number | null
  phaseStartPeriod: string | null
  /** School year of the cycle start. */
  cycleSchoolYear: number
  isFinal: boolean
  /** Words for one period's value ("weekly value", ...). */
  periodNoun: string
  /** Forced comparison; default: the first usable one in the order above. */
  kind?: ContrastKind | undefined
}

interface Selection {
  contrast: Contrast
  baseline: number[]
  evaluation: number[]
  /** The baseline reaches back before the cycle's school year (school_year_baseline only). */
  earlierYears: boolean
}

function select(prepared: PreparedSeries, settings: CalendarVerdictSettings, contrast: Contrast): Selection {
  const { focal, baselineCount, schoolYears } = prepared
  const baseline: number[] = []
  let earlierYears = false
  for (let i = baselineCount - 1; i >= 0 && baseline.length < MAX_BASELINE_POINTS; i--) {
    if (!Number.isFinite(contrast.difference[i] as number)) continue
    if (settings.phaseStartDay !== null && (focal.days[i] as number) < settings.phaseStartDay) break
    if (schoolYears[i] !== settings.cycleSchoolYear) {
      // the current school year first; a short one reaches back into earlier years (per-period
      // measures, or differences that remove the calendar)
      if (baseline.length >= MIN_BASELINE_POINTS) break
      if (contrast.kind === 'school_year_baseline' && settings.accumulation === 'to_date') break
      earlierYears = true
    }
    baseline.push(i)
  }
  baseline.reverse()
  const evaluation: number[] = []
  for (let i = baselineCount; i < focal.days.length; i++) {
    if (Number.isFinite(contrast.difference[i] as number)) evaluation.push(i)
  }
  return { contrast, baseline, evaluation, earlierYears }
}

function describe(selection: Selection, settings: CalendarVerdictSettings): string {
  const since = settings.phaseStartPeriod ? `, since the adopted change of ${settings.phaseStartPeriod}` : ''
  switch (selection.contrast.kind) {
    case 'comparison_schools':
      return `compared with ${selection.contrast.comparisonCount} schools that ran no cycle on this measure${since}`
    case 'same_weeks_last_year':
      return `compared with the same weeks of last school year${since}`
    default:
      return selection.earlierYears
        ? `compared with the ${selection.baseline.length} values before the cycle${since}, some from earlier school years; no comparison schools or last year's weeks were available, so seasonal changes can look like a signal`
        : `compared with this school year's values before the cycle${since}; no comparison schools or last year's weeks were available, so seasonal changes can look like a signal`
  }
}

/** What the rules look at, in words: "weekly differences from the comparison schools", "weekly changes". */
function contrastNoun(kind: ContrastKind, settings: CalendarVerdictSettings): string {
  const period = settings.periodNoun.replace(/ ?value$/, '')
  const what = settings.accumulation === 'to_date' ? 'changes' : 'values'
  const prefix = period ? `${period} ` : ''
  if (kind === 'comparison_schools') return `${prefix}differences from the comparison schools`
  if (kind === 'same_weeks_last_year') return `${prefix}differences from last year`
  return `${prefix}${what}`
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Median and mean of focal values (× multiplier) at the given indices. */
function summarize(focal: DaySeries, indices: readonly number[], multiplier: number): PeriodSummary {
  const values = new Float64Array(indices.length)
  let count = 0
  for (const i of indices) {
    const y = focal.y[i] as number
    const value = focal.n ? y / (focal.n[i] as number) : y
    if (Number.isFinite(value)) values[count++] = value * multiplier
  }
  const used = values.subarray(0, count)
  return { n: count, median: count ? medianOf(used) : null, mean: count ? meanOf(used) : null }
}

function centreOf(
  focal: DaySeries,
  indices: readonly number[],
  multiplier: number,
  summary: PeriodSummary,
  chart: CalendarVerdictSettings['chart'],
) {
  if (chart === 'run') return summary.median
  if (!focal.n) return summary.mean
  let y = 0
  let n = 0
  for (const i of indices) {
    const yi = focal.y[i] as number
    const ni = focal.n[i] as number
    if (Number.isFinite(yi) && ni > 0) {
      y += yi
      n += ni
    }
  }
  return n > 0 ? (y / n) * multiplier : null
}

/**
 * Whether a to-date measure is a status that can be lost (chronically absent so far), not a count of
 * first events (suspended at least once): its numerator falls somewhere within a school year before
 * the cycle. Only a status's weekly net changes, with at least one change expected per period, are
 * judged by their sum too (judge-contrast.ts, ADR 014).
 */
function isStatus(focal: DaySeries, schoolYears: Int32Array, count: number): boolean {
  for (let i = 1; i < count; i++) {
    if (schoolYears[i] === schoolYears[i - 1] && (focal.y[i] as number) < (focal.y[i - 1] as number))
      return true
  }
  return false
}

const KIND_ORDER: readonly ContrastKind[] = [
  'comparison_schools',
  'same_weeks_last_year',
  'school_year_baseline',
]

/** The calendar-aware verdict; `prepared` holds validated, sorted series. */
export function calendarVerdict(prepared: PreparedSeries, settings: CalendarVerdictSettings): CycleVerdict {
  const { focal, baselineCount } = prepared
  const contrastSettings = {
    chart: settings.chart,
    accumulation: settings.accumulation,
    schoolYears: prepared.schoolYears,
  }
  const kinds = settings.kind ? [settings.kind] : KIND_ORDER
  let chosen: Selection | null = null
  // when none is usable, the not-enough-data answer describes the last comparison tried
  let lastTried: Selection | null = null
  for (const kind of kinds) {
    if (kind === 'comparison_schools' && (prepared.comparison?.count ?? 0) < MIN_COMPARISON_SERIES) continue
    const contrast = buildContrast(kind, focal, contrastSettings, prepared.comparison)
    lastTried = select(prepared, settings, contrast)
    if (lastTried.baseline.length >= MIN_BASELINE_POINTS && lastTried.evaluation.length > 0) {
      chosen = lastTried
      break
    }
  }
  const evaluationIndices: number[] = []
  for (let i = baselineCount; i < focal.days.length; i++) evaluationIndices.push(i)
  const evaluation = summarize(focal, evaluationIndices, settings.multiplier)
  const selection =
    chosen ??
    lastTried ??
    select(prepared, settings, buildContrast('school_year_baseline', focal, contrastSettings, null))
  const baselineSummary = summarize(focal, selection.baseline, settings.multiplier)
  const baseline: BaselineSummary = {
    ...baselineSummary,
    centreLine: centreOf(focal, selection.baseline, settings.multiplier, baselineSummary, settings.chart),
  }
  const absolute =
    baseline.median === null || evaluation.median === null ? null : evaluation.median - baseline.median
  const change = {
    absolute,
    relative: absolute === null || !baseline.median ? null : absolute / Math.abs(baseline.median),
  }
  const method: VerdictMethod = {
    kind: selection.contrast.kind,
    description: describe(selection, settings),
    limits: hasControlLimits(settings.chart) ? 'shewhart' : 'none',
    phaseStart: settings.phaseStartPeriod,
  }
  const noun = settings.periodNoun
  const evaluated = selection.evaluation.length

  if (chosen === null) {
    const missing = Math.max(1, MIN_BASELINE_POINTS - selection.baseline.length)
    const missingEvaluation = Math.max(0, MIN_EVALUATION_POINTS - evaluation.n)
    const where = settings.phaseStartPeriod
      ? `since the adopted change of ${settings.phaseStartPeriod}`
      : 'before the cycle that a comparison can use'
    const message = settings.isFinal
      ? `Too little data to judge: there ${selection.baseline.length === 1 ? 'is' : 'are'} ${plural(selection.baseline.length, noun)} ${where}, and ${MIN_BASELINE_POINTS} are needed for a baseline. The cycle has ended, so this verdict is final.`
      : `Not enough data: there ${selection.baseline.length === 1 ? 'is' : 'are'} ${plural(selection.baseline.length, noun)} ${where}; ${MIN_BASELINE_POINTS} are needed for a baseline (${missing} more).`
    return {
      verdict: 'not_enough_data',
      reasons: [],
      baseline,
      evaluation,
      change,
      ...(settings.isFinal ? {} : { pointsNeeded: { baseline: missing, evaluation: missingEvaluation } }),
      message,
      method,
    }
  }

  const { contrast } = selection
  const order = [...selection.baseline, ...selection.evaluation]
  const z = Float64Array.from(
    order,
    (i) => (contrast.difference[i] as number) / (contrast.sigma[i] as number),
  )
  const differenceNoun = contrastNoun(contrast.kind, settings)
  const judged = judgeContrast({
    z,
    baselineCount: selection.baseline.length,
    standardized: contrast.standardized,
    clustered: settings.accumulation === 'to_date',
    rareEvents: contrast.rareEvents,
    // the sum's variance comes from the baseline's changes: not from a handful of 0/1 counts
    cumulative:
      settings.accumulation === 'to_date' &&
      !contrast.rareEvents &&
      isStatus(focal, prepared.schoolYears, baselineCount),
    higherIsBetter: settings.higherIsBetter,
    originalIndex: (k) => prepared.originalIndex[order[k] as number] as number,
    noun: differenceNoun,
  })
  if (hasControlLimits(settings.chart)) method.limits = judged.limits
  const reasons: ChangeReason[] = judged.reasons
  let verdict: CycleVerdict['verdict']
  let message: string
  if (judged.verdict === 'improved' || judged.verdict === 'worsened') {
    verdict = judged.verdict
    const better = settings.higherIsBetter ? 'higher' : 'lower'
    message = `${verdict === 'improved' ? 'Improved' : 'Worsened'}, ${method.description} (${better} is better for this measure): the ${contrast.kind === 'school_year_baseline' ? 'values' : 'difference'} during the cycle moved away from ${contrast.kind === 'school_year_baseline' ? 'those' : 'the difference'} before it. ${reasons.map((reason) => reason.message).join(' ')}`
  } else if (judged.verdict === 'too_few_values') {
    const missing = MIN_EVALUATION_POINTS - evaluated
    return {
      verdict: 'not_enough_data',
      reasons: [],
      baseline,
      evaluation,
      change,
      ...(settings.isFinal ? {} : { pointsNeeded: { baseline: 0, evaluation: missing } }),
      message: settings.isFinal
        ? `The cycle ended with ${evaluated} of the ${MIN_EVALUATION_POINTS} ${noun}s needed; too little data to judge (${method.description}).`
        : `Not enough data yet: the cycle has ${plural(evaluated, noun)} and no signal so far; ${MIN_EVALUATION_POINTS} are needed to judge it (${missing} more).`,
      method,
    }
  } else {
    verdict = 'no_signal'
    message = `No signal, ${method.description}: the ${evaluated} ${differenceNoun} during the cycle vary as chance alone would. A difference of medians without a signal is not evidence of change.`
  }
  return { verdict, reasons, baseline, evaluation, change, message, method }
}
