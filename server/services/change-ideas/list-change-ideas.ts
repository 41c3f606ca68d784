import type { Actor, ListChangeIdeasInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireReadableGoal } from '../goals/get-goal.ts'
import { changeIdeaSelect, toChangeIdeaDto } from './change-idea-dto.ts'

/** The change ideas of a goal the actor may read, oldest first. */
export async function listChangeIdeas({
  db,
  actor,
  goalId,
}: { db: DbTx; actor: Actor } & ListChangeIdeasInput) {
  const goal = await requireReadableGoal(db, actor, goalId)
  const rows = await db.changeIdea.findMany({
    where: { goalId: goal.id, districtId: actor.districtId },
    select: changeIdeaSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  return rows.map(toChangeIdeaDto)
}
