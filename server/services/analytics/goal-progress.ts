// The goal page's analytics: progress of the focal group from baseline toward target (with its chart),
// the equity gap and its verdict since the baseline date, and the live driver diagram.
import type { ChartType } from '@pdsa/analytics'
import type { ActDecision, Actor, Cadence, CycleStage, MeasureUnit } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireReadableGoal } from '../goals/get-goal.ts'
import { readableTeamWorkWhere, toIsoDate } from '../shared.ts'
import { chartSeries } from './chart-series.ts'
import { evaluateCycleLinks } from './cycle-verdicts.ts'
import { analyzeGap, type GapReferenceKind } from './gap-analysis.ts'
import { baselineFrom } from './goal-gaps.ts'
import { type LiveCycle, liveDiagram } from './live-diagram.ts'
import { loadPrivacyContext } from './privacy-context.ts'
import { loadSchoolCells, SchoolCells, seriesKeyOf } from './school-cells.ts'

export async function getGoalProgress({ db, actor, goalId }: { db: DbTx; actor: Actor; goalId: string }) {
  const goal = await requireReadableGoal(db, actor, goalId)
  const since = toIsoDate(goal.baselineDate)
  const from = baselineFrom(since)
  const [privacy, measure, cycles, ideaDrivers, drivers] = await Promise.all([
    loadPrivacyContext(db, actor),
    db.measure.findUniqueOrThrow({ where: { id: goal.measureId } }),
    db.pdsaCycle.findMany({
      where: { goalId: goal.id, ...readableTeamWorkWhere(actor) },
      select: {
        id: true,
        title: true,
        cycleNumber: true,
        stage: true,
        decision: true,
        changeIdeaId: true,
        createdAt: true,
        drivers: { select: { driverId: true } },
      },
    }),
    db.changeIdeaDriver.findMany({
      where: { changeIdea: { goalId: goal.id, districtId: actor.districtId } },
      select: { changeIdeaId: true, driverId: true },
    }),
    db.driverNode.findMany({
      where: { goalId: goal.id, districtId: actor.districtId },
      select: { id: true, parentId: true },
    }),
  ])
  const key = { measureId: goal.measureId, schoolId: goal.schoolId }
  const [tables, evaluated] = await Promise.all([
    loadSchoolCells({ db, districtId: actor.districtId, keys: [key], privacy, from }),
    evaluateCycleLinks({ db, actor, cycleIds: cycles.map((c) => c.id), privacy }),
  ])
  const table = tables.get(seriesKeyOf(key)) ?? new SchoolCells()
  const chartType = measure.chartType as ChartType
  const focalCells = table.series(goal.focalGroupId)
  const chart = chartSeries(
    { chartType, multiplier: measure.multiplier, higherIsBetter: measure.higherIsBetter },
    focalCells,
    { freeze: focalCells.filter((c) => c.period < since).length },
  )
  const latest = chart.points.findLast((p) => p.value !== null) ?? null
  const gap = analyzeGap(
    table,
    {
      measure,
      focalGroupId: goal.focalGroupId,
      referenceKind: goal.referenceKind as GapReferenceKind,
      referenceGroupId: goal.referenceGroupId,
      targetValue: goal.targetValue,
      since,
      from,
    },
    privacy,
  )
  const { series: _gapSeries, ...gapSummary } = gap
  const verdictsOf = new Map<string, LiveCycle['verdicts']>()
  for (const { cycle, verdict } of evaluated.links) {
    verdictsOf.set(cycle.id, [
      ...(verdictsOf.get(cycle.id) ?? []),
      {
        measureName: verdict.measureName,
        measureFamily: verdict.measureFamily,
        studentGroupName: verdict.studentGroupName,
        verdict: verdict.verdict,
      },
    ])
  }
  const live = liveDiagram(
    drivers,
    ideaDrivers,
    cycles.map((c) => ({
      ...c,
      stage: c.stage as CycleStage,
      decision: c.decision as ActDecision | null,
      driverIds: c.drivers.map((d) => d.driverId),
      verdicts: verdictsOf.get(c.id) ?? [],
    })),
  )
  return {
    goalId: goal.id,
    threshold: privacy.threshold,
    measure: {
      id: measure.id,
      name: measure.name,
      unit: measure.unit as MeasureUnit,
      chartType,
      cadence: measure.cadence as Cadence,
      higherIsBetter: measure.higherIsBetter,
    },
    schoolId: goal.schoolId,
    focalGroupId: goal.focalGroupId,
    baseline: { value: goal.baselineValue, date: since },
    target: { value: goal.targetValue, date: toIsoDate(goal.targetDate) },
    /** The focal group's latest shown value (hidden cells are skipped). */
    latest: latest ? { period: latest.period, value: latest.value } : null,
    // The gap's verdict in words; its series is drawn from analytics.measureSeries (the linked-metric view), so
    // it is not sent twice (docs/decisions/027-server-throughput-and-page-weight.md).
    gap: gapSummary,
    live,
  }
}
export type GoalProgressView = Awaited<ReturnType<typeof getGoalProgress>>
