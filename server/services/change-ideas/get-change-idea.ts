import { type Actor, canEditGoal } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { changeIdeaSelect, toChangeIdeaDto } from './change-idea-dto.ts'
import { requireReadableChangeIdea } from './require-change-idea.ts'

export async function getChangeIdea({ db, actor, id }: { db: DbTx; actor: Actor; id: string }) {
  const { idea, goal } = await requireReadableChangeIdea(db, actor, id)
  const row = await db.changeIdea.findUniqueOrThrow({ where: { id: idea.id }, select: changeIdeaSelect })
  return {
    ...toChangeIdeaDto(row),
    goal: { id: goal.id, title: goal.title },
    canEdit: canEditGoal(actor, goal),
  }
}
