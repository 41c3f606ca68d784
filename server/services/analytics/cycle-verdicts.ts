// Verdicts of cycles' linked measures, batched: a fixed number of queries for any number of cycles
// (the cycles with their links, the district's groups and threshold, the district's school-year start
// with every cycle linking the same measures, then every observation needed — the cycles' own series and
// the comparison schools' series in one query). Used by the cycle page, the linked-metric view, the goal
// page, the coach portfolio, the audit, search and the cycles export.
import type { ChartType } from '@pdsa/analytics'
import type { Actor, CycleStage } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { readableTeamWorkWhere } from '../shared.ts'
import { verdictObservations } from './chart-series.ts'
import { type CycleMeasureVerdict, judgeLink, type VerdictWindow } from './judge-link.ts'
import { loadPrivacyContext, type PrivacyContext } from './privacy-context.ts'
import { type Cell, loadSchoolCells, type SchoolCells, seriesKeyOf } from './school-cells.ts'
import { isFinalStage, loadVerdictInputs, type VerdictInputs, verdictWindow } from './verdict-inputs.ts'

export type { CycleMeasureVerdict, CycleVerdictKind, VerdictReason } from './judge-link.ts'
export { verdictWindow } from './verdict-inputs.ts'

const linkSelect = {
  id: true,
  title: true,
  stage: true,
  schoolId: true,
  teamId: true,
  goalId: true,
  goal: { select: { title: true } },
  team: { select: { name: true } },
  plannedStart: true,
  plannedEnd: true,
  actualStart: true,
  actualEnd: true,
  lagDays: true,
  measures: {
    select: {
      measureId: true,
      studentGroupId: true,
      expectedDirection: true,
      measure: {
        select: {
          name: true,
          family: true,
          unit: true,
          chartType: true,
          multiplier: true,
          higherIsBetter: true,
          cadence: true,
          accumulation: true,
          schoolId: true,
        },
      },
    },
    orderBy: { measure: { name: 'asc' } },
  },
} as const

type CycleRow = Awaited<ReturnType<typeof loadCycles>>[number]
export type CycleLink = CycleRow['measures'][number]

function loadCycles(db: DbTx, actor: Actor, cycleIds: readonly string[]) {
  return db.pdsaCycle.findMany({
    where: { id: { in: [...new Set(cycleIds)] }, ...readableTeamWorkWhere(actor) },
    select: linkSelect,
  })
}

export interface EvaluatedCycle {
  id: string
  title: string
  stage: CycleStage
  schoolId: string
  teamId: string
  teamName: string
  goalId: string | null
  goalTitle: string | null
  window: VerdictWindow
}

export interface EvaluatedLink {
  cycle: EvaluatedCycle
  link: CycleLink
  cells: Cell[]
  verdict: CycleMeasureVerdict
}

/**
 * The comparison series of a link: the same measure and group at every school of the district that ran
 * no cycle on the measure, from the suppressed cells (hidden cells are missing values), each built once.
 */
function comparisonSeries(tables: ReadonlyMap<string, SchoolCells>, inputs: VerdictInputs) {
  const built = new Map<string, { id: string; observations: ReturnType<typeof verdictObservations> }[]>()
  return (link: CycleLink, groupId: string) => {
    const key = `${link.measureId}:${groupId}`
    const hit = built.get(key)
    if (hit) return hit
    const m = link.measure
    const chart = {
      chartType: m.chartType as ChartType,
      multiplier: m.multiplier,
      higherIsBetter: m.higherIsBetter,
    }
    const series = inputs.comparisonKeys(link.measureId, m.schoolId).flatMap((k) => {
      const cells = tables.get(seriesKeyOf(k))?.series(groupId) ?? []
      if (!cells.some((c) => !c.suppressed)) return []
      return [{ id: k.schoolId, observations: verdictObservations(chart, cells) }]
    })
    built.set(key, series)
    return series
  }
}

/** Every readable cycle's links with their cells and verdicts (cycles the actor may not read are skipped). */
export async function evaluateCycleLinks({
  db,
  actor,
  cycleIds,
  privacy,
  onlyMeasureId,
}: {
  db: DbTx
  actor: Actor
  cycleIds: readonly string[]
  privacy?: PrivacyContext
  /** Only the links of this measure (the linked-metric view of one measure). */
  onlyMeasureId?: string
}): Promise<{ cycles: EvaluatedCycle[]; links: EvaluatedLink[]; privacy: PrivacyContext }> {
  const [cycles, context] = await Promise.all([
    cycleIds.length === 0 ? Promise.resolve([]) : loadCycles(db, actor, cycleIds),
    privacy ? Promise.resolve(privacy) : loadPrivacyContext(db, actor),
  ])
  const linksOf = (c: CycleRow) =>
    onlyMeasureId ? c.measures.filter((l) => l.measureId === onlyMeasureId) : c.measures
  const measures = new Map(cycles.flatMap((c) => linksOf(c).map((l) => [l.measureId, l.measure] as const)))
  const inputs = await loadVerdictInputs(db, actor, [...measures.keys()], context.allGroup?.id ?? null)
  const keys = [
    ...cycles.flatMap((c) => linksOf(c).map((l) => ({ measureId: l.measureId, schoolId: c.schoolId }))),
    ...[...measures].flatMap(([id, m]) => inputs.comparisonKeys(id, m.schoolId)),
  ]
  // One query for the cycles' own series and the comparison schools' series (suppressed alike).
  const tables = await loadSchoolCells({ db, districtId: actor.districtId, keys, privacy: context })
  const comparisonOf = comparisonSeries(tables, inputs)
  const evaluated = cycles.map((c) => ({
    id: c.id,
    title: c.title,
    stage: c.stage as CycleStage,
    schoolId: c.schoolId,
    teamId: c.teamId,
    teamName: c.team.name,
    goalId: c.goalId,
    goalTitle: c.goal?.title ?? null,
    window: verdictWindow(c),
  }))
  const links: EvaluatedLink[] = []
  cycles.forEach((row, i) => {
    const cycle = evaluated[i] as EvaluatedCycle
    for (const link of linksOf(row)) {
      const table = tables.get(seriesKeyOf({ measureId: link.measureId, schoolId: cycle.schoolId }))
      const groupId = link.studentGroupId ?? context.allGroup?.id ?? null
      const cells = table && groupId ? table.series(groupId) : []
      const verdict = judgeLink({ ...link, cycleId: cycle.id, window: cycle.window }, cells, context, {
        schoolYearStart: inputs.schoolYearStart,
        isFinal: isFinalStage(cycle.stage),
        comparison: groupId ? comparisonOf(link, groupId) : [],
        priorCycles: inputs.priorCycles({
          cycleId: cycle.id,
          measureId: link.measureId,
          schoolId: cycle.schoolId,
          groupId,
          start: cycle.window.start,
        }),
      })
      links.push({ cycle, link, cells, verdict })
    }
  })
  return { cycles: evaluated, links, privacy: context }
}

/**
 * The verdict of every linked measure of the given cycles, keyed by cycle id (a readable cycle
 * without links maps to an empty list). Suppression (ADR 011) applies before any analysis.
 */
export async function computeCycleVerdicts({
  db,
  actor,
  cycleIds,
}: {
  db: DbTx
  actor: Actor
  cycleIds: readonly string[]
}): Promise<Map<string, CycleMeasureVerdict[]>> {
  const { cycles, links } = await evaluateCycleLinks({ db, actor, cycleIds })
  const out = new Map<string, CycleMeasureVerdict[]>(cycles.map((c) => [c.id, []]))
  for (const { cycle, verdict } of links) out.get(cycle.id)?.push(verdict)
  return out
}
