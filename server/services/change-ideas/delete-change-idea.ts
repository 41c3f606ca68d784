import type { Actor } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { invalidState } from '../shared.ts'
import { requireEditableChangeIdea } from './require-change-idea.ts'

/** Delete a change idea that no cycle tests (its driver links go with it). Tested ideas are kept as evidence. */
export async function deleteChangeIdea({ db, actor, id }: { db: Db; actor: Actor; id: string }) {
  const { idea } = await requireEditableChangeIdea(db, actor, id)
  await db.$transaction(async (tx) => {
    const cycles = await tx.pdsaCycle.count({ where: { changeIdeaId: id } })
    if (cycles > 0) {
      throw invalidState(
        `${cycles === 1 ? 'A cycle tests' : `${cycles} cycles test`} this change idea, so it cannot be deleted: its cycles are the evidence. Set its status to abandoned instead.`,
      )
    }
    const links = await tx.changeIdeaDriver.findMany({ where: { changeIdeaId: id } })
    await tx.changeIdea.delete({ where: { id } })
    await recordAudit(tx, actor, {
      action: 'change_idea.delete',
      entityType: 'change_idea',
      entityId: id,
      before: { ...idea, driverIds: links.map((l) => l.driverId) },
    })
  })
  return { id, goalId: idea.goalId }
}
