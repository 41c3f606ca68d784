// A series of (already suppressed) cells → chart points with centre line, limits and signals, using
// the measure's chart type. Shared by the linked-metric view, the cycle panel and the goal page.
import {
  analyzeSeries,
  CHART_TYPES_REQUIRING_DENOMINATOR,
  type ChartType,
  type Observation,
  type SeriesAnalysis,
} from '@pdsa/analytics'
import type { VerdictReason } from './cycle-measure-verdict.ts'
import { type Withheld, withheldOf } from './release-decision.ts'
import type { Cell } from './school-cells.ts'

export interface ChartMeasure {
  chartType: ChartType
  multiplier: number
  higherIsBetter: boolean
}

export interface ChartPoint {
  period: string
  value: number | null
  numerator: number | null
  denominator: number | null
  suppressed: boolean
  /** How a withheld cell is released (docs/decisions/017): hidden and why, or a range; null when shown. */
  withheld: Withheld | null
  cl: number | null
  lcl: number | null
  ucl: number | null
  /**
   * A point a shown cycle's verdict named (ADR 024): which way it moved (better / worse in the measure's
   * direction; neutral when there is no direction) and the rules that fired. null: no signal here.
   * Every chart of the same series marks the same points, because the marks come from the verdicts.
   */
  signal: PointSignal | null
  phase: number
  isBaseline: boolean
}

export type SignalDirection = 'better' | 'worse' | 'neutral'

export interface PointSignal {
  direction: SignalDirection
  rules: VerdictReason['rule'][]
}

/**
 * The signal marks of a series from the verdicts shown with it: each period a verdict's rule named,
 * with that rule's direction (a period named as better by one verdict and worse by another is neutral).
 */
export function signalsFromVerdicts(
  verdicts: readonly { reasons: readonly Pick<VerdictReason, 'rule' | 'direction' | 'periods'>[] }[],
): Map<string, PointSignal> {
  const out = new Map<string, PointSignal>()
  for (const v of verdicts) {
    for (const r of v.reasons) {
      for (const period of r.periods) {
        const had = out.get(period)
        const direction: SignalDirection = had && had.direction !== r.direction ? 'neutral' : r.direction
        const rules = had ? [...new Set([...had.rules, r.rule])] : [r.rule]
        out.set(period, { direction, rules })
      }
    }
  }
  return out
}

export interface PhaseSummary {
  phase: number
  from: string
  to: string
  nUseful: number
  longestRun: number | null
  longestRunMax: number | null
  crossings: number | null
  crossingsMin: number | null
  runsSignal: boolean
  ihiSignals: { rule: 'shift' | 'trend'; direction: 'up' | 'down'; periods: string[] }[]
}

export interface ChartSeries {
  points: ChartPoint[]
  phases: PhaseSummary[]
  /** Number of baseline points (frozen centre line and limits), 0 when nothing is frozen. */
  baselineCount: number
  /** Why the chart has no centre line or limits, when it has none. */
  issue: string | null
}

/** Numerator / denominator cells, or plain values (a measure uses one form). */
function usesRatio(measure: ChartMeasure, cells: readonly Cell[]): boolean {
  if (CHART_TYPES_REQUIRING_DENOMINATOR.includes(measure.chartType)) return true
  const shown = cells.filter((c) => !c.suppressed)
  return shown.length > 0 && shown.every((c) => c.numerator !== null && c.denominator !== null)
}

/** The cells as cycleVerdict() observations (suppressed cells are missing values). */
export function verdictObservations(measure: ChartMeasure, cells: readonly Cell[]): Observation[] {
  if (usesRatio(measure, cells)) {
    return cells.map((c) => ({ period: c.period, numerator: c.numerator, denominator: c.denominator }))
  }
  return cells.map((c) => ({
    period: c.period,
    value: c.value === null ? null : c.value / measure.multiplier,
  }))
}

const num = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x)

function validFreeze(freeze: number | undefined, length: number): number | undefined {
  return freeze && freeze > 0 && freeze <= length ? freeze : undefined
}

function analyze(measure: ChartMeasure, cells: readonly Cell[], freeze: number | undefined) {
  const ratio = usesRatio(measure, cells)
  return analyzeSeries({
    chart: measure.chartType,
    y: cells.map((c) => (ratio ? c.numerator : c.value === null ? null : c.value / measure.multiplier)),
    n: ratio ? cells.map((c) => c.denominator) : undefined,
    freeze: validFreeze(freeze, cells.length),
    multiply: measure.multiplier,
  })
}

function phasesOf(analysis: SeriesAnalysis, cells: readonly Cell[]): PhaseSummary[] {
  const periodAt = (i: number) => cells[i]?.period ?? ''
  return analysis.phases.map((p) => ({
    phase: p.phase,
    from: periodAt(p.start),
    to: periodAt(p.end - 1),
    nUseful: p.runs.nUseful,
    longestRun: p.runs.longestRun,
    longestRunMax: p.runs.longestRunMax,
    crossings: p.runs.crossings,
    crossingsMin: p.runs.crossingsMin,
    runsSignal: p.runs.runsSignal,
    ihiSignals: p.ihiSignals.map((s) => ({
      rule: s.rule,
      direction: s.direction,
      periods: s.pointIndices.map(periodAt),
    })),
  }))
}

/**
 * Chart points for the cells. `freeze`: the first k points are the baseline (centre line and limits
 * frozen from them). `signals`: the points to mark, from the verdicts of the cycles the chart shows
 * (signalsFromVerdicts); without it no point is marked — a chart never flags points on its own rules,
 * so the goal page, the cycle page and the measure page mark the same points (ADR 024).
 */
export function chartSeries(
  measure: ChartMeasure,
  cells: readonly Cell[],
  options: { freeze?: number | undefined; signals?: ReadonlyMap<string, PointSignal> } = {},
): ChartSeries {
  const outcome = analyze(measure, cells, options.freeze)
  if (!outcome.ok) {
    return {
      points: cells.map((c) => ({
        ...c,
        withheld: withheldOf(c.release),
        cl: null,
        lcl: null,
        ucl: null,
        signal: options.signals?.get(c.period) ?? null,
        phase: 1,
        isBaseline: false,
      })),
      phases: [],
      baselineCount: 0,
      issue: outcome.issues[0]?.message ?? 'The series cannot be analysed.',
    }
  }
  const a = outcome.analysis
  const phases = phasesOf(a, cells)
  const baselineCount = validFreeze(options.freeze, cells.length) ?? 0
  const points = cells.map((c, i) => ({
    period: c.period,
    value: c.suppressed ? null : (num(a.values[i]) ?? c.value),
    numerator: c.numerator,
    denominator: c.denominator,
    suppressed: c.suppressed,
    withheld: withheldOf(c.release),
    cl: num(a.centreLine[i]),
    lcl: num(a.lowerLimit[i]),
    ucl: num(a.upperLimit[i]),
    signal: options.signals?.get(c.period) ?? null,
    phase: a.phase[i] ?? 1,
    isBaseline: i < baselineCount,
  }))
  return { points, phases, baselineCount, issue: null }
}
