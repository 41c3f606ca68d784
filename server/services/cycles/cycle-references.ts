// Checks that what a cycle points at (goal, change idea, owner, drivers, previous cycle) belongs to
// the cycle's district and team. A reference elsewhere is a VALIDATION error naming the field.
import type { Actor } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { validation } from '../shared.ts'

interface TeamRef {
  id: string
  schoolId: string
}

/** A goal the team's cycles may serve: the team's own goals, or school goals of its school. */
export async function requireCycleGoal(db: DbTx, actor: Actor, team: TeamRef, goalId: string) {
  const goal = await db.equityGoal.findFirst({ where: { id: goalId, districtId: actor.districtId } })
  if (!goal) throw validation('goalId', 'No such goal.')
  if (goal.schoolId !== team.schoolId || (goal.teamId !== null && goal.teamId !== team.id)) {
    throw validation('goalId', 'This goal belongs to another team.')
  }
  return goal
}

/** A change idea of the team (or of a school goal of its school) that serves `goalId` when one is given. */
export async function requireCycleChangeIdea(
  db: DbTx,
  actor: Actor,
  team: TeamRef,
  changeIdeaId: string,
  goalId: string | null,
) {
  const idea = await db.changeIdea.findFirst({
    where: { id: changeIdeaId, districtId: actor.districtId },
    include: { goal: { select: { schoolId: true, teamId: true } } },
  })
  if (!idea) throw validation('changeIdeaId', 'No such change idea.')
  const teamOk = idea.teamId ? idea.teamId === team.id : idea.goal.schoolId === team.schoolId
  if (!teamOk) throw validation('changeIdeaId', 'This change idea belongs to another team.')
  if (goalId && idea.goalId !== goalId)
    throw validation('changeIdeaId', 'This change idea serves another goal.')
  return idea
}

/** The owner must be on the team (its lead or a member). */
export async function requireCycleOwner(db: DbTx, actor: Actor, team: TeamRef, ownerId: string) {
  const membership = await db.membership.findFirst({
    where: {
      districtId: actor.districtId,
      userId: ownerId,
      teamId: team.id,
      role: { in: ['team_lead', 'team_member'] },
      user: { deactivatedAt: null },
    },
  })
  if (!membership) throw validation('ownerId', 'The owner must be a member of this team.')
}

/** Drivers of the cycle's goal (any goal of the team when the cycle has none). */
export async function requireCycleDrivers(
  db: DbTx,
  actor: Actor,
  team: TeamRef,
  driverIds: readonly string[],
  goalId: string | null,
) {
  const unique = [...new Set(driverIds)]
  if (unique.length === 0) return unique
  const drivers = await db.driverNode.findMany({
    where: { id: { in: unique }, districtId: actor.districtId },
    include: { goal: { select: { schoolId: true, teamId: true } } },
  })
  const ok = drivers.filter((d) =>
    goalId
      ? d.goalId === goalId
      : d.goal.schoolId === team.schoolId && (d.goal.teamId === null || d.goal.teamId === team.id),
  )
  if (ok.length !== unique.length) {
    throw validation(
      'driverIds',
      goalId ? "A driver is not part of this cycle's goal." : 'A driver belongs to another team.',
    )
  }
  return unique
}
