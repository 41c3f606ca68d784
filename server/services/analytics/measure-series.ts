// The linked-metric view of a measure at a school: its chart (one group, every group, or the gap of a
// focal group), with the window and verdict of every cycle that links the measure there. Small cells
// are hidden for everyone (ADR 011) before anything is analysed.
import { type Actor, canReadSchool, forbidden, type MeasureSeriesInput, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireReadableGoal } from '../goals/get-goal.ts'
import { requireSchool } from '../references.ts'
import { readableTeamWorkWhere, validation } from '../shared.ts'
import { type ChartMeasure, type ChartSeries, chartSeries, signalsFromVerdicts } from './chart-series.ts'
import { evaluateCycleLinks } from './cycle-verdicts.ts'
import { analyzeGap, type GapResult } from './gap-analysis.ts'
import { type AnalyticsGroup, loadPrivacyContext } from './privacy-context.ts'
import { loadSchoolCells, seriesKeyOf } from './school-cells.ts'
import { measureSeriesMeta } from './series-meta.ts'
import { type PhaseBreak, type VerdictLimits, verdictChart, verdictLimits } from './verdict-chart.ts'

/** Each distinct re-baseline break of the verdicts, in date order. */
function phaseBreaksOf(
  verdicts: readonly { method: { phaseStart: string | null; phaseLabel: string | null } | null }[],
): PhaseBreak[] {
  const byPeriod = new Map<string, PhaseBreak>()
  for (const v of verdicts) {
    const period = v.method?.phaseStart
    if (period && !byPeriod.has(period)) {
      byPeriod.set(period, {
        period,
        label: v.method?.phaseLabel ?? 'New level after an earlier cycle was adopted',
      })
    }
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period))
}

export type GroupSeries = ChartSeries & { groupId: string; groupName: string }

export async function getMeasureSeries({
  db,
  actor,
  ...input
}: { db: DbTx; actor: Actor } & MeasureSeriesInput) {
  const school = await requireSchool(db, actor, input.schoolId)
  const measure = await db.measure.findFirst({ where: { id: input.measureId, districtId: actor.districtId } })
  if (!measure) throw notFound('Measure')
  if (!canReadSchool(actor, school.id)) throw forbidden('You do not have access to this school’s data.')
  if (measure.schoolId && measure.schoolId !== school.id) {
    throw validation('schoolId', 'This measure belongs to another school.')
  }
  // A goal's chart shows only the goal's own cycles (ADR 024), never every cycle on the measure there.
  const goal = input.goalId ? await requireReadableGoal(db, actor, input.goalId) : null
  if (goal && (goal.measureId !== measure.id || goal.schoolId !== school.id)) {
    throw validation('goalId', 'This goal is measured by another measure or at another school.')
  }
  const privacy = await loadPrivacyContext(db, actor)
  const key = { measureId: measure.id, schoolId: school.id }
  const [tables, links] = await Promise.all([
    loadSchoolCells({
      db,
      districtId: actor.districtId,
      keys: [key],
      privacy,
      from: input.from,
      to: input.to,
    }),
    db.cycleMeasure.findMany({
      where: {
        measureId: measure.id,
        cycle: { schoolId: school.id, ...(goal ? { goalId: goal.id } : {}), ...readableTeamWorkWhere(actor) },
      },
      select: { cycleId: true },
    }),
  ])
  const table = tables.get(seriesKeyOf(key))
  const evaluated = await evaluateCycleLinks({
    db,
    actor,
    cycleIds: links.map((l) => l.cycleId),
    privacy,
    onlyMeasureId: measure.id,
  })
  const cycles = evaluated.cycles
    .map((c) => ({
      ...c,
      verdicts: evaluated.links.filter((l) => l.cycle.id === c.id).map((l) => l.verdict),
    }))
    .sort((a, b) => a.window.start.localeCompare(b.window.start))
  const firstStart = cycles[0]?.window.start ?? null
  const withData = table?.groupIds() ?? new Set<string>()
  const allId = privacy.allGroup?.id ?? ''
  const view = input.view ?? 'single'
  const pick = (id: string | undefined) => (id ? privacy.groupById.get(id) : undefined)
  const measureChart: ChartMeasure = {
    chartType: measure.chartType as ChartMeasure['chartType'],
    multiplier: measure.multiplier,
    higherIsBetter: measure.higherIsBetter,
  }
  /** The shown cycles' verdicts on one group's series, in the order of the cycles' starts. */
  const verdictsOn = (groupId: string) =>
    cycles.flatMap((c) => c.verdicts).filter((v) => (v.studentGroupId ?? allId) === groupId)
  // One rule for every page that draws a series (ADR 024): the series is drawn as the verdict of the
  // first cycle it shows draws it (the cycle page draws one cycle: its own) — centre line and limits
  // frozen from that verdict's baseline, its limits, its re-baseline break — and the points marked as
  // signals are exactly those the shown cycles' verdicts named, with their direction.
  const drawSeries = (group: AnalyticsGroup) => {
    const cells = table?.series(group.id) ?? []
    const judged = verdictsOn(group.id)
    const first = judged[0]
    const signals = signalsFromVerdicts(judged)
    if (!first) {
      const limits = verdictLimits(measure.chartType as ChartMeasure['chartType'], { method: null })
      return { chart: chartSeries(measureChart, cells), limits }
    }
    const drawn = verdictChart(measureChart, cells, first)
    const points = drawn.points.map((p) => ({ ...p, signal: signals.get(p.period) ?? null }))
    return { chart: { ...drawn, points }, limits: drawn.limits }
  }
  const singleGroup = view === 'single' ? (pick(input.groupIds?.[0]) ?? privacy.allGroup) : undefined
  const judged = singleGroup ? verdictsOn(singleGroup.id) : []
  const phaseBreaks = phaseBreaksOf(judged)
  let limits: VerdictLimits = verdictLimits(measure.chartType as ChartMeasure['chartType'], { method: null })
  const seriesOf = (group: AnalyticsGroup): GroupSeries => {
    const drawn = drawSeries(group)
    if (group.id === singleGroup?.id) limits = drawn.limits
    const { points, phases, baselineCount, issue } = drawn.chart
    return { groupId: group.id, groupName: group.name, points, phases, baselineCount, issue }
  }
  let series: GroupSeries[] = []
  let gap: GapResult | null = null
  if (view === 'disaggregated') {
    const wanted = input.groupIds?.length ? new Set(input.groupIds) : withData
    series = privacy.groups.filter((g) => wanted.has(g.id)).map(seriesOf)
  } else if (view === 'gap') {
    const focal =
      pick(input.focalGroupId) ??
      pick(input.groupIds?.[0]) ??
      privacy.groups.find((g) => g.id !== allId && withData.has(g.id))
    if (focal && table) {
      series = [seriesOf(focal)]
      gap = analyzeGap(
        table,
        {
          measure,
          focalGroupId: focal.id,
          referenceKind: input.reference ?? 'all_other_students',
          referenceGroupId: input.referenceGroupId ?? null,
          since: firstStart ?? table.periods.at(-1) ?? '2000-01-01',
          sinceLabel: firstStart ? 'since the first cycle started' : undefined,
        },
        privacy,
      )
    }
  } else if (singleGroup) {
    series = [seriesOf(singleGroup)]
  }
  return {
    ...measureSeriesMeta(measure, school, privacy, withData),
    view,
    series,
    gap,
    /** Where the frozen baseline ends: the first shown cycle's start (when data precede it). */
    baselineEnd: series.some((s) => s.baselineCount > 0) ? (judged[0]?.window.start ?? firstStart) : null,
    /** The limits the chart draws (those of the first verdict on the shown group, as its cycle page). */
    limits,
    /** Whose cycles the chart shows: a goal's own, or (the measure page) every cycle at the school. */
    subject: goal ? { kind: 'goal' as const, goalId: goal.id } : { kind: 'measure' as const, goalId: null },
    /** Where adopted cycles re-baselined the shown group's series (the verdicts' phase starts). */
    phaseBreaks,
    cycles,
  }
}
export type MeasureSeriesView = Awaited<ReturnType<typeof getMeasureSeries>>
