import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { linkedMeasureCadences } from '../cycles/linked-measure-cadences.ts'
import { countCyclesByTeamAndStage, emptyStageCounts } from '../district/cycles-by-stage.ts'
import { toIsoDate } from '../shared.ts'
import { loadCoachedTeams } from './coached-teams.ts'
import { actionableChecks, attentionCandidatesWhere, cycleFactsSelect } from './cycle-attention.ts'
import { openFeedbackByTeam } from './open-feedback.ts'

const ATTENTION_LIST_LIMIT = 5

/**
 * The teams the actor coaches (team grants with role coach, or every team of the schools or district they
 * coach), each with its school, goals, cycles by stage, cycles the method checks flag, and coach feedback
 * still waiting for the team's response. A fixed number of queries, assembled in memory.
 */
export async function getCoachOverview({
  db,
  actor,
  now = new Date(),
}: {
  db: DbTx
  actor: Actor
  now?: Date
}) {
  const districtId = actor.districtId
  const teams = await loadCoachedTeams(db, actor, 'The coaching portfolio is for improvement coaches.')
  const teamIds = teams.map((t) => t.id)
  const [goalCounts, stageCounts, candidates, feedback] = await Promise.all([
    db.equityGoal.groupBy({
      by: ['teamId'],
      where: { districtId, teamId: { in: teamIds }, status: { not: 'archived' } },
      _count: { _all: true },
    }),
    countCyclesByTeamAndStage(db, { districtId, teamId: { in: teamIds } }),
    db.pdsaCycle.findMany({
      where: { districtId, teamId: { in: teamIds }, ...attentionCandidatesWhere },
      select: cycleFactsSelect,
      orderBy: { lastEditedAt: 'asc' },
    }),
    openFeedbackByTeam(db, districtId, teamIds),
  ])
  const linked = await linkedMeasureCadences(
    db,
    districtId,
    candidates.map((c) => c.id),
  )
  const today = toIsoDate(now)
  const goalsOf = new Map(goalCounts.map((g) => [g.teamId, g._count._all]))
  const attentionOf = new Map<
    string,
    { id: string; title: string; stage: string; checks: ReturnType<typeof actionableChecks> }[]
  >()
  for (const cycle of candidates) {
    const checks = actionableChecks(cycle, today, linked.get(cycle.id) ?? [])
    if (checks.length === 0) continue
    const list = attentionOf.get(cycle.teamId) ?? []
    list.push({ id: cycle.id, title: cycle.title, stage: cycle.stage, checks })
    attentionOf.set(cycle.teamId, list)
  }
  const cards = teams.map((team) => {
    const attention = (attentionOf.get(team.id) ?? []).sort((a, b) => b.checks.length - a.checks.length)
    const open = feedback.get(team.id) ?? []
    return {
      ...team,
      goalCount: goalsOf.get(team.id) ?? 0,
      cyclesByStage: stageCounts.get(team.id) ?? emptyStageCounts(),
      needsAttention: { count: attention.length, cycles: attention.slice(0, ATTENTION_LIST_LIMIT) },
      openFeedback: { count: open.length, items: open.slice(0, ATTENTION_LIST_LIMIT) },
    }
  })
  return {
    today,
    teams: cards,
    totals: {
      teams: cards.length,
      needsAttention: cards.reduce((n, c) => n + c.needsAttention.count, 0),
      openFeedback: cards.reduce((n, c) => n + c.openFeedback.count, 0),
    },
  }
}
