// The linked-metric view of a measure at a school: its chart (one group, every group, or the gap of a
// focal group), with the window and verdict of every cycle that links the measure there. Small cells
// are hidden for everyone (ADR 011) before anything is analysed.
import { MIN_BASELINE_POINTS } from '@pdsa/analytics'
import { type Actor, canReadSchool, forbidden, type MeasureSeriesInput, notFound } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireSchool } from '../references.ts'
import { readableTeamWorkWhere, validation } from '../shared.ts'
import { type ChartMeasure, type ChartSeries, chartSeries } from './chart-series.ts'
import { evaluateCycleLinks } from './cycle-verdicts.ts'
import { analyzeGap, type GapResult } from './gap-analysis.ts'
import { type AnalyticsGroup, loadPrivacyContext } from './privacy-context.ts'
import { type Cell, loadSchoolCells, seriesKeyOf } from './school-cells.ts'
import { measureSeriesMeta } from './series-meta.ts'
import { chartTypeFor, type PhaseBreak, type VerdictLimits, verdictLimits } from './verdict-chart.ts'

/** Baseline = the points before the first cycle's start, when there are enough of them; else none. */
function freezeBefore(cells: readonly Cell[], firstStart: string | null): number | undefined {
  if (!firstStart) return undefined
  const count = cells.filter((c) => c.period < firstStart).length
  return count >= MIN_BASELINE_POINTS && count < cells.length ? count : undefined
}

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
      where: { measureId: measure.id, cycle: { schoolId: school.id, ...readableTeamWorkWhere(actor) } },
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
  // One group's chart is drawn with the limits its latest verdict used, and shows where adopted
  // cycles re-baselined it.
  const singleGroup = view === 'single' ? (pick(input.groupIds?.[0]) ?? privacy.allGroup) : undefined
  const judged = cycles
    .flatMap((c) => c.verdicts)
    .filter((v) => singleGroup && (v.studentGroupId ?? allId) === singleGroup.id)
  const latest = judged.filter((v) => v.method).at(-1)
  const limits: VerdictLimits = latest
    ? verdictLimits(measure.chartType, latest)
    : verdictLimits(measure.chartType, { method: null })
  const phaseBreaks = phaseBreaksOf(judged)
  const chartMeasure: ChartMeasure = {
    chartType: chartTypeFor(measure.chartType, limits),
    multiplier: measure.multiplier,
    higherIsBetter: measure.higherIsBetter,
  }
  const seriesOf = (group: AnalyticsGroup): GroupSeries => {
    const cells = table?.series(group.id) ?? []
    return {
      groupId: group.id,
      groupName: group.name,
      ...chartSeries(chartMeasure, cells, { freeze: freezeBefore(cells, firstStart) }),
    }
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
    /** Where the frozen baseline ends: the first cycle's start (when enough data precede it). */
    baselineEnd: series.some((s) => s.baselineCount > 0) ? firstStart : null,
    /** The limits the chart draws (those of the shown group's latest verdict). */
    limits,
    /** Where adopted cycles re-baselined the shown group's series (the verdicts' phase starts). */
    phaseBreaks,
    cycles,
  }
}
export type MeasureSeriesView = Awaited<ReturnType<typeof getMeasureSeries>>
