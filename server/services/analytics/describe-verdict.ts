// Verdicts in plain language, for teachers: "Chronic absence rate for English learners fell from a
// median of 31.2% to 24.8%; 8 points in a row below the baseline average — a signal of improvement."
import {
  type ChangeReason,
  type ChartType,
  MIN_BASELINE_POINTS,
  MIN_EVALUATION_POINTS,
  type PeriodSummary,
  type PointsNeeded,
  type VerdictMethod,
} from '@pdsa/analytics'
import { type Cadence, formatMeasureChange, formatMeasureValue, type MeasureUnit } from '@pdsa/domain'

const PERIOD_WORDS: Record<Cadence, [string, string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
  term: ['term', 'terms'],
  annual: ['year', 'years'],
}

/** "4 more weeks of data" */
export function moreDataPhrase(n: number, cadence: Cadence): string {
  const [one, many] = PERIOD_WORDS[cadence]
  return `${n} more ${n === 1 ? one : many} of data`
}

const RULE_ORDER: ChangeReason['rule'][] = [
  'ihi_shift',
  'anhoej_long_run',
  'outside_control_limits',
  'ihi_trend',
  'anhoej_few_crossings',
  'cumulative_shift',
]

/** The reason to lead with: in the verdict's direction, the strongest rule, the most points. */
export function headlineReason(reasons: readonly ChangeReason[], direction: 'better' | 'worse') {
  return [...reasons]
    .filter((r) => r.direction === direction)
    .sort(
      (a, b) =>
        RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) ||
        b.pointIndices.length - a.pointIndices.length,
    )[0]
}

/** "8 points in a row below the baseline average" */
export function reasonPhrase(reason: ChangeReason, chartType: ChartType, noun = 'points'): string {
  const centre = chartType === 'run' ? 'baseline median' : 'baseline average'
  const side = reason.movement === 'up' ? 'above' : 'below'
  const k = reason.pointIndices.length
  const one = noun.replace(/s$/, '')
  switch (reason.rule) {
    case 'ihi_shift':
    case 'anhoej_long_run':
      return `${k} ${noun} in a row ${side} the ${centre}`
    case 'ihi_trend':
      return `${k} ${noun} in a row going ${reason.movement}`
    case 'outside_control_limits':
      return `${k} ${k === 1 ? one : noun} ${side} the ${reason.movement === 'up' ? 'upper' : 'lower'} control limit`
    case 'anhoej_few_crossings':
      return `the ${noun} crossed the ${centre} fewer times than chance allows, most of them ${side} it`
    case 'cumulative_shift':
      return `summed over the cycle, the ${noun} moved ${side} the ${centre} further than chance allows`
  }
}

export interface VerdictFacts {
  verdict: 'improved' | 'worsened' | 'no_signal' | 'not_enough_data'
  reasons: readonly ChangeReason[]
  baseline: PeriodSummary
  evaluation: PeriodSummary
  pointsNeeded?: PointsNeeded | undefined
}

export interface VerdictSubject {
  /** "Chronic absence rate for English learners" */
  subject: string
  unit: MeasureUnit
  cadence: Cadence
  chartType: ChartType
  /** Values hidden because fewer students than the threshold are counted. */
  hiddenCount?: number
  threshold?: number
  /** The cycle is complete: say the verdict is final instead of asking for more data. */
  isFinal?: boolean
}

function medianMove(v: VerdictFacts, s: VerdictSubject): string {
  const { median: before } = v.baseline
  const { median: after } = v.evaluation
  if (before === null || after === null) return s.subject
  const a = formatMeasureValue(before, s.unit)
  const b = formatMeasureValue(after, s.unit)
  if (a === b) return `${s.subject} stayed at a median of ${a}`
  return `${s.subject} ${after > before ? 'rose' : 'fell'} from a median of ${a} to ${b}`
}

function hiddenNote(s: VerdictSubject): string {
  if (!s.hiddenCount) return ''
  return ` ${s.hiddenCount} ${s.hiddenCount === 1 ? 'value is' : 'values are'} hidden (n < ${s.threshold ?? 10}).`
}

/** One or two sentences a teacher can read aloud in a team meeting. */
export function describeCycleVerdict(v: VerdictFacts, s: VerdictSubject): string {
  if (v.verdict === 'improved' || v.verdict === 'worsened') {
    const reason = headlineReason(v.reasons, v.verdict === 'improved' ? 'better' : 'worse')
    const why = reason ? `; ${reasonPhrase(reason, s.chartType)}` : ''
    const what = v.verdict === 'improved' ? 'a signal of improvement' : 'a signal that it got worse'
    return `${medianMove(v, s)}${why} — ${what}.`
  }
  if (v.verdict === 'no_signal') {
    return `${medianMove(v, s)}, with no signal: the ${v.evaluation.n} points since the cycle started vary around the baseline as chance alone would.`
  }
  const needed = { ...(v.pointsNeeded ?? { baseline: 0, evaluation: 0 }) }
  const subject = lowerSubject(s.subject)
  const of = (n: number, more: number) =>
    `${n} of the ${n + more} ${n + more === 1 ? 'value' : 'values'} needed`
  if (s.isFinal) {
    // A final verdict may come without pointsNeeded (nothing more will be counted): the minimums say it.
    if (!v.pointsNeeded) {
      needed.evaluation = Math.max(0, MIN_EVALUATION_POINTS - v.evaluation.n)
      needed.baseline = needed.evaluation > 0 ? 0 : Math.max(0, MIN_BASELINE_POINTS - v.baseline.n)
    }
    if (needed.baseline > 0) {
      return `The cycle ended, but the baseline before it has ${of(v.baseline.n, needed.baseline)}; too little data to judge ${subject}.${hiddenNote(s)}`
    }
    if (needed.evaluation > 0) {
      return `The cycle ended with ${of(v.evaluation.n, needed.evaluation)}; too little data to judge ${subject}.${hiddenNote(s)}`
    }
    return `The cycle ended with too little data to judge ${subject}.${hiddenNote(s)}`
  }
  if (needed.baseline > 0) {
    return `Not enough data yet for ${subject}: the baseline before the cycle has ${v.baseline.n} of the ${v.baseline.n + needed.baseline} values it needs (${moreDataPhrase(needed.baseline, s.cadence)} from before the cycle are needed).${hiddenNote(s)}`
  }
  return `Not enough data yet for ${subject}: the cycle has ${v.evaluation.n} ${v.evaluation.n === 1 ? 'value' : 'values'} and no signal so far — ${moreDataPhrase(needed.evaluation, s.cadence)} needed.${hiddenNote(s)}`
}

const PERIOD_NOUN: Record<Cadence, string> = {
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  term: 'term',
  annual: 'year',
}

/** "Laney p′ limits: the week-to-week variation is larger than the sample sizes alone explain" */
export function limitsNote(limits: VerdictMethod['limits'], chartType: ChartType, cadence: Cadence): string {
  const period = PERIOD_NOUN[cadence]
  const variation = `the ${period}-to-${period} variation`
  const rate = chartType === 'u' || chartType === 'up'
  const ratio = rate || chartType === 'p' || chartType === 'pp'
  if (limits === 'laney') {
    return `Laney ${rate ? 'u′' : 'p′'} limits: ${variation} is larger than the sample sizes alone explain`
  }
  if (limits === 'none') return 'Run chart rules (no control limits)'
  return ratio
    ? `Shewhart limits: ${variation} is no larger than the sample sizes explain`
    : 'Shewhart 3-sigma limits'
}

/** The method in words: how the cycle was compared and which limits were used. */
export function describeVerdictMethod(
  method: VerdictMethod,
  s: { chartType: ChartType; cadence: Cadence },
): { limitsNote: string; summary: string } {
  const note = limitsNote(method.limits, s.chartType, s.cadence)
  const description = method.description.trim().replace(/\.$/, '')
  const comparison = description ? `${description[0]?.toUpperCase()}${description.slice(1)}` : ''
  return { limitsNote: note, summary: comparison ? `${comparison}. ${note}.` : `${note}.` }
}

const lowerSubject = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s)

/** The gap sentence: "The gap … narrowed from a median of +14.0 pts to +9.5 pts; … — a signal …". */
export function describeGapVerdict(
  v: Omit<VerdictFacts, 'verdict'> & { verdict: 'narrowed' | 'widened' | 'no_signal' | 'not_enough_data' },
  s: VerdictSubject & { since: string },
): string {
  const before = v.baseline.median
  const after = v.evaluation.median
  const move =
    before === null || after === null
      ? s.subject
      : `${s.subject} went from a median of ${formatMeasureChange(before, s.unit)} to ${formatMeasureChange(after, s.unit)} ${s.since}`
  if (v.verdict === 'narrowed' || v.verdict === 'widened') {
    const reason = headlineReason(v.reasons, v.verdict === 'narrowed' ? 'better' : 'worse')
    const why = reason ? `; ${reasonPhrase(reason, 'run', 'gap values')}` : ''
    return `${move}${why} — a signal that the gap ${v.verdict}.`
  }
  if (v.verdict === 'no_signal') return `${move}, with no signal that the gap narrowed or widened.`
  const needed = v.pointsNeeded ?? { baseline: 0, evaluation: 0 }
  const n = needed.baseline > 0 ? needed.baseline : needed.evaluation
  const part = needed.baseline > 0 ? 'before the baseline date' : 'since the baseline date'
  return `Not enough data yet to judge ${lowerSubject(s.subject)}: ${moreDataPhrase(n, s.cadence)} ${part} needed.${hiddenNote(s)}`
}
