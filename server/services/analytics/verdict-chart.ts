// The chart a cycle's verdict rests on, drawn the way the verdict judged: Laney p′/u′ limits when the
// verdict used them, and — when an adopted earlier cycle re-baselined the series — the points before the
// break as a phase of their own, the baseline from the break to the cycle's start (centre line and
// limits frozen there), so the chart never credits this cycle with the earlier cycle's gain.
import type { ChartType } from '@pdsa/analytics'
import { type ChartMeasure, type ChartSeries, chartSeries, signalsFromVerdicts } from './chart-series.ts'
import type { CycleMeasureVerdict } from './judge-link.ts'
import type { Cell } from './school-cells.ts'

const LANEY: Partial<Record<ChartType, ChartType>> = { p: 'pp', u: 'up' }

export type VerdictLimits = 'shewhart' | 'laney' | 'none'

/** The limits the verdict used (the measure's own when the data could not be judged). */
export function verdictLimits(
  chartType: ChartType,
  verdict: Pick<CycleMeasureVerdict, 'method'>,
): VerdictLimits {
  if (verdict.method) return verdict.method.limits
  if (chartType === 'run') return 'none'
  return chartType === 'pp' || chartType === 'up' ? 'laney' : 'shewhart'
}

/** The chart type that draws the given limits (a p chart judged with Laney limits is drawn as p′). */
export function chartTypeFor(chartType: ChartType, limits: VerdictLimits): ChartType {
  return limits === 'laney' ? (LANEY[chartType] ?? chartType) : chartType
}

export interface PhaseBreak {
  /** First period of the new phase. */
  period: string
  /** "New level after “Family texts” was adopted" */
  label: string
}

export type VerdictChart = ChartSeries & { limits: VerdictLimits; phaseBreak: PhaseBreak | null }

export function verdictChart(
  measure: ChartMeasure,
  cells: readonly Cell[],
  verdict: Pick<CycleMeasureVerdict, 'method' | 'reasons' | 'window'>,
): VerdictChart {
  const limits = verdictLimits(measure.chartType, verdict)
  const drawn = { ...measure, chartType: chartTypeFor(measure.chartType, limits) }
  const start = verdict.window.start
  const signals = signalsFromVerdicts([verdict])
  const phaseStart = verdict.method?.phaseStart ?? null
  const before = phaseStart ? cells.filter((c) => c.period < phaseStart) : []
  if (!phaseStart || before.length === 0) {
    const freeze = cells.filter((c) => c.period < start).length
    return { ...chartSeries(drawn, cells, { freeze, signals }), limits, phaseBreak: null }
  }
  const after = cells.filter((c) => c.period >= phaseStart)
  const earlier = chartSeries(drawn, before)
  const current = chartSeries(drawn, after, {
    freeze: after.filter((c) => c.period < start).length,
    signals,
  })
  const offset = Math.max(1, ...earlier.points.map((p) => p.phase))
  return {
    points: [
      ...earlier.points.map((p) => ({ ...p, isBaseline: false })),
      ...current.points.map((p) => ({ ...p, phase: p.phase + offset })),
    ],
    phases: [...earlier.phases, ...current.phases.map((p) => ({ ...p, phase: p.phase + offset }))],
    baselineCount: current.baselineCount,
    issue: current.issue,
    limits,
    phaseBreak: {
      period: after[0]?.period ?? phaseStart,
      label: verdict.method?.phaseLabel ?? 'New level after an earlier cycle was adopted',
    },
  }
}
