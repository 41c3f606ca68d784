// A deliberately simple stand-in for the analytics package's cycle verdict, used by this package's
// tests to check that storyline cycles show (or do not show) a signal in their window:
// baseline = points before the cycle's start week (all of them, or the last `baselinePoints`),
// evaluation = points from the start week through end + lag. Signals in the better direction:
// a point beyond 3-sigma limits computed from the frozen baseline, or a shift of ≥ 6 consecutive
// evaluation points on one side of the baseline median (points on the median are skipped).
import { addDays, mondayOf } from '../dates.ts'
import { measureByCode } from '../measures.ts'
import { median } from '../series-index.ts'
import type { DemoCycle, DemoCycleExpectation, DemoObservation, ExpectedSignal } from '../types.ts'

export interface VerdictOptions {
  /** Use only this many baseline points (most recent); default all. */
  baselinePoints?: number
  /** Chart used for the limits (default: the measure's). The gap series uses an individuals chart. */
  chart?: string
}

function limits(chart: string, base: readonly DemoObservation[], multiplier: number) {
  if (chart === 'p' || chart === 'u') {
    const num = base.reduce((s, o) => s + (o.numerator ?? 0), 0)
    const den = base.reduce((s, o) => s + (o.denominator ?? 0), 0)
    const centre = den > 0 ? num / den : 0
    return (o: DemoObservation) => {
      const n = o.denominator ?? 1
      const sigma = chart === 'p' ? Math.sqrt((centre * (1 - centre)) / n) : Math.sqrt(centre / n)
      return { centre: centre * multiplier, sigma: sigma * multiplier }
    }
  }
  const values = base.map((o) => o.value)
  const centre = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
  if (chart === 'c') return () => ({ centre, sigma: Math.sqrt(centre) })
  const ranges = values.slice(1).map((v, i) => Math.abs(v - (values[i] ?? v)))
  const mr = ranges.reduce((a, b) => a + b, 0) / Math.max(1, ranges.length)
  return () => ({ centre, sigma: mr / 1.128 })
}

function longestRun(signs: readonly number[], side: number): number {
  let best = 0
  let run = 0
  for (const s of signs) {
    if (s === 0) continue
    run = s === side ? run + 1 : 0
    best = Math.max(best, run)
  }
  return best
}

export function approximateVerdict(
  series: readonly DemoObservation[],
  cycle: Pick<DemoCycle, 'plannedStart' | 'plannedEnd' | 'lagDays'>,
  higherIsBetter: boolean,
  options: VerdictOptions = {},
): ExpectedSignal | 'not enough data' {
  const start = mondayOf(cycle.plannedStart)
  const end = addDays(cycle.plannedEnd, cycle.lagDays)
  const allBefore = series.filter((o) => o.period < start)
  const base = options.baselinePoints ? allBefore.slice(-options.baselinePoints) : allBefore
  const evaluation = series.filter((o) => o.period >= start && o.period <= end)
  if (base.length < 6 || evaluation.length === 0) return 'not enough data'
  const first = series[0]
  if (!first) return 'not enough data'
  const measure = measureByCode(first.measureCode)
  const limitOf = limits(options.chart ?? measure.chartType, base, measure.multiplier)
  const better = higherIsBetter ? 1 : -1
  let betterSignal = false
  let worseSignal = false
  for (const o of evaluation) {
    const { centre, sigma } = limitOf(o)
    if (sigma > 0 && (o.value - centre) * better > 3 * sigma) betterSignal = true
    if (sigma > 0 && (o.value - centre) * better < -3 * sigma) worseSignal = true
  }
  const mid = median(base.map((o) => o.value)) ?? 0
  const signs = evaluation.map((o) => Math.sign(o.value - mid))
  if (longestRun(signs, better) >= 6) betterSignal = true
  if (longestRun(signs, -better) >= 6) worseSignal = true
  if (betterSignal && !worseSignal) return 'improved'
  if (worseSignal && !betterSignal) return 'worsened'
  return 'no signal'
}

/** Gap series (focal − all other students), as observations of the same measure. */
export function gapSeries(
  all: readonly DemoObservation[],
  focal: readonly DemoObservation[],
  multiplier: number,
): DemoObservation[] {
  const byPeriod = new Map(all.map((o) => [o.period, o]))
  return focal.flatMap((f) => {
    const a = byPeriod.get(f.period)
    if (
      !a ||
      a.numerator === null ||
      a.denominator === null ||
      f.numerator === null ||
      f.denominator === null
    )
      return []
    const den = a.denominator - f.denominator
    if (den <= 0) return []
    const other = ((a.numerator - f.numerator) / den) * multiplier
    return [{ ...f, value: f.value - other, numerator: null, denominator: null }]
  })
}

export type { DemoCycleExpectation }
