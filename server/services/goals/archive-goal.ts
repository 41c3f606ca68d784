import { type Actor, type ArchiveGoalInput, canArchiveGoal, forbidden } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { getGoal, requireReadableGoal } from './get-goal.ts'

/** Archive a goal (it leaves the lists; its drivers, change ideas and cycles stay), or restore it as active. */
export async function archiveGoal({ db, actor, id, archived }: { db: Db; actor: Actor } & ArchiveGoalInput) {
  const goal = await requireReadableGoal(db, actor, id)
  if (!canArchiveGoal(actor, goal)) {
    throw forbidden(
      goal.teamId
        ? 'Only the team lead or a district admin can archive this goal.'
        : 'Only district leaders can archive school goals.',
    )
  }
  const status = archived ? 'archived' : 'active'
  if (goal.status !== status && (archived || goal.status === 'archived')) {
    await db.$transaction(async (tx) => {
      await tx.equityGoal.update({ where: { id: goal.id }, data: { status } })
      await recordAudit(tx, actor, {
        action: archived ? 'goal.archive' : 'goal.restore',
        entityType: 'equity_goal',
        entityId: goal.id,
        before: { status: goal.status },
        after: { status },
      })
    })
  }
  return getGoal({ db, actor, id: goal.id })
}
