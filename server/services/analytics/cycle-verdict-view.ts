// The cycle page's "Linked measures" panel: for each measure the cycle links, the verdict card and the
// chart it rests on (baseline centre line and limits frozen at the cycle start — from the re-baseline
// break when an adopted earlier cycle moved the level —, the limits the verdict used, the cycle's window,
// and the points the verdict's rules fired on). The verdicts (`getCycleVerdicts`) are what the page
// server-renders; the charts' points (`getCycleCharts`) load in the browser after hydration, as the plot is
// drawn there (docs/decisions/027-server-throughput-and-page-weight.md).
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

type Args = { db: DbTx; actor: Actor; cycleId: string }

async function evaluate({ db, actor, cycleId }: Args) {
  const cycle = await requireReadableCycle(db, actor, cycleId)
  const { links, privacy } = await evaluateCycleLinks({ db, actor, cycleIds: [cycle.id] })
  return { cycle, links, privacy }
}

/** The linked measures' verdicts, without the charts' points. */
export async function getCycleVerdicts(args: Args) {
  const { cycle, links, privacy } = await evaluate(args)
  const measures = links.map(({ link, verdict }) => {
    const m = link.measure
    return {
      measure: {
        id: link.measureId,
        name: m.name,
        unit: m.unit as MeasureUnit,
        chartType: m.chartType as ChartType,
        cadence: m.cadence as Cadence,
        higherIsBetter: m.higherIsBetter,
      },
      verdict,
    }
  })
  const window = {
    start: measures[0]?.verdict.window.start ?? null,
    evaluationEnd: measures[0] ? evaluationEnd(measures[0].verdict.window) : null,
  }
  return { cycleId: cycle.id, threshold: privacy.threshold, window, measures }
}
export type CycleVerdictsView = Awaited<ReturnType<typeof getCycleVerdicts>>

/** The chart each linked measure's verdict rests on, by measure. */
export async function getCycleCharts(args: Args) {
  const { cycle, links } = await evaluate(args)
  const charts = links.map(({ link, cells, verdict }) => {
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
      measureId: link.measureId,
      chart: { ...chart, points: chart.points.slice(firstShown), earlierBaselinePoints: firstShown },
    }
  })
  return { cycleId: cycle.id, charts }
}
export type CycleChartsView = Awaited<ReturnType<typeof getCycleCharts>>
