// Verdicts of cycles' linked measures, batched: a fixed number of queries for any number of cycles
// (the cycles with their links, the district's groups and threshold, then every observation needed).
// Used by the cycle page, the linked-metric view, the goal page, the coach portfolio and the audit.
import type { Actor, CycleStage } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { readableTeamWorkWhere, toIsoDate, toIsoDateOrNull } from '../shared.ts'
import { type CycleMeasureVerdict, judgeLink, type VerdictWindow } from './judge-link.ts'
import { loadPrivacyContext, type PrivacyContext } from './privacy-context.ts'
import { type Cell, loadSchoolCells, seriesKeyOf } from './school-cells.ts'

export type { CycleMeasureVerdict, CycleVerdictKind, VerdictReason } from './judge-link.ts'

const linkSelect = {
  id: true,
  title: true,
  stage: true,
  schoolId: true,
  teamId: true,
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
          unit: true,
          chartType: true,
          multiplier: true,
          higherIsBetter: true,
          cadence: true,
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

/** The verdict window: actual (else planned) start to actual (else planned) end, plus the lag days. */
export function verdictWindow(
  c: Pick<CycleRow, 'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'lagDays'>,
): VerdictWindow {
  const start = toIsoDateOrNull(c.actualStart) ?? toIsoDate(c.plannedStart)
  const end = toIsoDateOrNull(c.actualEnd) ?? toIsoDate(c.plannedEnd)
  const last = [start, end].sort()[1] ?? end
  return { start, end: last, lagDays: c.lagDays }
}

export interface EvaluatedCycle {
  id: string
  title: string
  stage: CycleStage
  schoolId: string
  teamId: string
  window: VerdictWindow
}

export interface EvaluatedLink {
  cycle: EvaluatedCycle
  link: CycleLink
  cells: Cell[]
  verdict: CycleMeasureVerdict
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
  const keys = cycles.flatMap((c) =>
    linksOf(c).map((l) => ({ measureId: l.measureId, schoolId: c.schoolId })),
  )
  const tables = await loadSchoolCells({ db, districtId: actor.districtId, keys, privacy: context })
  const evaluated = cycles.map((c) => ({
    id: c.id,
    title: c.title,
    stage: c.stage as CycleStage,
    schoolId: c.schoolId,
    teamId: c.teamId,
    window: verdictWindow(c),
  }))
  const links: EvaluatedLink[] = []
  cycles.forEach((row, i) => {
    const cycle = evaluated[i] as EvaluatedCycle
    for (const link of linksOf(row)) {
      const table = tables.get(seriesKeyOf({ measureId: link.measureId, schoolId: cycle.schoolId }))
      const groupId = link.studentGroupId ?? context.allGroup?.id
      const cells = table && groupId ? table.series(groupId) : []
      const verdict = judgeLink({ ...link, cycleId: cycle.id, window: cycle.window }, cells, context)
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
