// What a comment is on (a cycle, or a goal) and what the actor may do there. Cycle comments follow the
// cycle's team; goal comments follow the goal's team, or its school for school-level goals.
import {
  type Actor,
  canCoachTeam,
  canCommentOnTeam,
  canEditGoal,
  canEditTeam,
  canLeadDistrict,
  canReadGoal,
  canReadTeam,
  forbidden,
  notFound,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

export interface CommentTarget {
  kind: 'cycle' | 'goal'
  id: string
  /** Where-clause for the target's comments. */
  where: { cycleId: string } | { goalId: string }
  canRead: boolean
  /** Write comments and replies. */
  canComment: boolean
  /** Ask for a response (coaches, district leaders). */
  canCoach: boolean
  /** The team's editors: their reply answers feedback, and they may resolve it. */
  canEdit: boolean
}

export async function loadCommentTarget(
  db: DbTx,
  actor: Actor,
  ref: { cycleId?: string | null; goalId?: string | null },
): Promise<CommentTarget> {
  if (ref.cycleId) {
    const cycle = await db.pdsaCycle.findFirst({
      where: { id: ref.cycleId, districtId: actor.districtId },
      select: { id: true, schoolId: true, teamId: true },
    })
    if (!cycle) throw notFound('Cycle')
    return {
      kind: 'cycle',
      id: cycle.id,
      where: { cycleId: cycle.id },
      canRead: canReadTeam(actor, cycle),
      canComment: canCommentOnTeam(actor, cycle),
      canCoach: canCoachTeam(actor, cycle),
      canEdit: canEditTeam(actor, cycle),
    }
  }
  const goal = await db.equityGoal.findFirst({
    where: { id: ref.goalId ?? '', districtId: actor.districtId },
    select: { id: true, schoolId: true, teamId: true },
  })
  if (!goal) throw notFound('Goal')
  // A school-level goal has no team: no team grant matches the empty team id, so only school- and
  // district-wide coaches (and district leaders) coach it.
  const scope = { schoolId: goal.schoolId, teamId: goal.teamId ?? '' }
  const canCoach = canCoachTeam(actor, scope)
  return {
    kind: 'goal',
    id: goal.id,
    where: { goalId: goal.id },
    canRead: canReadGoal(actor, goal),
    canComment: goal.teamId ? canCommentOnTeam(actor, scope) : canCoach || canLeadDistrict(actor),
    canCoach,
    canEdit: canEditGoal(actor, goal),
  }
}

export async function requireReadableTarget(
  db: DbTx,
  actor: Actor,
  ref: { cycleId?: string | null; goalId?: string | null },
) {
  const target = await loadCommentTarget(db, actor, ref)
  if (!target.canRead) throw forbidden(`You do not have access to this ${target.kind}.`)
  return target
}

/** A comment of the actor's district with the target it is on. */
export async function requireComment(db: DbTx, actor: Actor, id: string) {
  const comment = await db.comment.findFirst({
    where: { id, districtId: actor.districtId },
    include: { _count: { select: { replies: true } } },
  })
  if (!comment) throw notFound('Comment')
  const target = await requireReadableTarget(db, actor, comment)
  return { comment, target }
}
