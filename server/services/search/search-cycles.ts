import { type Actor, type CycleStage, canReadGoal, canReadTeam, type SearchCyclesInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { districtDerived } from '../district/derived-cache.ts'
import { toIsoDate } from '../shared.ts'
import { findChangeIdeas, findCycles } from './cycle-search-sql.ts'

/** With a verdict filter, this many text matches are judged before the filter keeps `limit` of them. */
const VERDICT_FILTER_POOL = 300
const CHANGE_IDEA_LIMIT = 20

/**
 * Cross-school learning: "who else tested this, at what scale, with what result?". Every signed-in user of
 * the district searches every cycle and change idea of the district (district-wide learning is the point)
 * and sees summaries: school, team, change idea, scale, ramp position, stage, decision, verdicts and a
 * snippet. `canOpen` says whether the user may open the cycle itself (its team's readers).
 */
export async function searchCycles({
  db,
  actor,
  limit,
  ...input
}: { db: DbTx; actor: Actor } & SearchCyclesInput) {
  const districtId = actor.districtId
  const filters = {
    q: input.q,
    studentGroupId: input.studentGroupId,
    measureId: input.measureId,
    stage: input.stage,
  }
  const [hits, ideaIds, groups, measures] = await Promise.all([
    findCycles(db, districtId, filters, input.verdict ? VERDICT_FILTER_POOL : limit + 1),
    input.stage || input.verdict
      ? Promise.resolve([])
      : findChangeIdeas(db, districtId, filters, CHANGE_IDEA_LIMIT),
    db.studentGroup.findMany({
      where: { districtId, isActive: true },
      select: { id: true, name: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
    db.measure.findMany({
      where: { districtId, archivedAt: null },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  // Verdict kinds are part of the district-wide summary, so they are computed as a district reader would
  // see them (suppression still applies); their sentences (with medians) only for cycles the caller may open.
  const { verdicts } = await districtDerived(db, actor, ['verdicts'])
  const kept = input.verdict
    ? hits.filter((h) => (verdicts.get(h.id) ?? []).some((v) => v.verdict === input.verdict))
    : hits
  const page = kept.slice(0, limit)
  const [cycleRows, ideaRows] = await Promise.all([
    db.pdsaCycle.findMany({
      where: { districtId, id: { in: page.map((h) => h.id) } },
      select: {
        id: true,
        title: true,
        stage: true,
        cycleNumber: true,
        scale: true,
        decision: true,
        plannedStart: true,
        plannedEnd: true,
        previousCycleId: true,
        schoolId: true,
        teamId: true,
        school: { select: { id: true, name: true } },
        team: { select: { id: true, name: true } },
        changeIdea: { select: { id: true, title: true, status: true } },
        goal: { select: { id: true, title: true, focalGroup: { select: { name: true } } } },
        _count: { select: { nextCycles: true } },
      },
    }),
    db.changeIdea.findMany({
      where: { districtId, id: { in: ideaIds } },
      select: {
        id: true,
        title: true,
        description: true,
        status: true,
        teamId: true,
        team: { select: { id: true, name: true } },
        goal: {
          select: {
            id: true,
            title: true,
            schoolId: true,
            teamId: true,
            school: { select: { id: true, name: true } },
          },
        },
        _count: { select: { cycles: true } },
      },
    }),
  ])
  const byId = new Map(cycleRows.map((r) => [r.id, r]))
  const cycles = page.flatMap((hit) => {
    const r = byId.get(hit.id)
    if (!r) return []
    const canOpen = canReadTeam(actor, { schoolId: r.schoolId, teamId: r.teamId })
    return [
      {
        id: r.id,
        title: r.title,
        stage: r.stage as CycleStage,
        cycleNumber: r.cycleNumber,
        isRamp: r.previousCycleId !== null || r._count.nextCycles > 0,
        scale: r.scale,
        decision: r.decision,
        plannedStart: toIsoDate(r.plannedStart),
        plannedEnd: toIsoDate(r.plannedEnd),
        school: r.school,
        team: r.team,
        changeIdea: r.changeIdea,
        goal: r.goal ? { id: r.goal.id, title: r.goal.title, focalGroupName: r.goal.focalGroup.name } : null,
        verdicts: (verdicts.get(r.id) ?? []).map((v) => (canOpen ? v : { ...v, message: '' })),
        snippet: hit.snippet,
        canOpen,
      },
    ]
  })
  const ideaOrder = new Map(ideaIds.map((id, i) => [id, i]))
  const changeIdeas = [...ideaRows]
    .sort((a, b) => (ideaOrder.get(a.id) ?? 0) - (ideaOrder.get(b.id) ?? 0))
    .map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      status: i.status,
      school: i.goal.school,
      team: i.team,
      goal: { id: i.goal.id, title: i.goal.title },
      cycleCount: i._count.cycles,
      canOpen: canReadGoal(actor, { schoolId: i.goal.schoolId, teamId: i.goal.teamId }),
    }))
  return {
    cycles,
    hasMore: kept.length > limit,
    changeIdeas,
    facets: { studentGroups: groups, measures },
  }
}
export type CycleSearchResult = Awaited<ReturnType<typeof searchCycles>>
