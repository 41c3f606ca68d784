// The cycle page's "Linked measures" panel: for each measure the cycle links, the verdict card and the
// chart it rests on (baseline centre line and limits frozen at the cycle start — from the re-baseline
// break when an adopted earlier cycle moved the level —, the limits the verdict used, the cycle's window,
// and the points the verdict's rules fired on).
import type { ChartType } from '@pdsa/analytics'
import type { Actor, Cadence, MeasureUnit } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireReadableCycle } from '../cycles/require-cycle.ts'
import { evaluateCycleLinks } from './cycle-verdicts.ts'
import { evaluationEnd } from './judge-link.ts'
import { verdictChart } from './verdict-chart.ts'

/** Baseline points shown before the cycle (the centre line still comes from the whole baseline). */
const SHOWN_BASELINE_POINTS = 52
/** Points of the earlier level shown before a re-baseline break. */
const PHASE_CONTEXT_POINTS = 8

export async function getCycleVerdicts({ db, actor, cycleId }: { db: DbTx; actor: Actor; cycleId: string }) {
  const cycle = await requireReadableCycle(db, actor, cycleId)
  const { links, privacy } = await evaluateCycleLinks({ db, actor, cycleIds: [cycle.id] })
  const measures = links.map(({ link, cells, verdict }) => {
    const m = link.measure
    const chartType = m.chartType as ChartType
    const before = cells.filter((c) => c.period < verdict.window.start).length
    const chart = verdictChart(
      { chartType, multiplier: m.multiplier, higherIsBetter: m.higherIsBetter },
      cells,
      verdict,
    )
    // The re-baseline break stays in view, with a few points of the level before it.
    const breakAt = chart.phaseBreak
      ? chart.points.findIndex((p) => p.period === chart.phaseBreak?.period)
      : -1
    const firstShown = Math.max(
      0,
      Math.min(before - SHOWN_BASELINE_POINTS, breakAt >= 0 ? breakAt - PHASE_CONTEXT_POINTS : before),
    )
    return {
      measure: {
        id: link.measureId,
        name: m.name,
        unit: m.unit as MeasureUnit,
        chartType,
        cadence: m.cadence as Cadence,
        higherIsBetter: m.higherIsBetter,
      },
      verdict,
      chart: { ...chart, points: chart.points.slice(firstShown), earlierBaselinePoints: firstShown },
    }
  })
  const window = {
    start: measures[0]?.verdict.window.start ?? null,
    evaluationEnd: measures[0] ? evaluationEnd(measures[0].verdict.window) : null,
  }
  return { cycleId: cycle.id, threshold: privacy.threshold, window, measures }
}
export type CycleVerdictsView = Awaited<ReturnType<typeof getCycleVerdicts>>
