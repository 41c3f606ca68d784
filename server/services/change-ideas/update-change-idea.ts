import type { Actor, UpdateChangeIdeaInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { getChangeIdea } from './get-change-idea.ts'
import { requireEditableChangeIdea, requireSecondaryDrivers } from './require-change-idea.ts'

/** Change the idea's fields and, when `driverIds` is given, replace the secondary drivers it links to. */
export async function updateChangeIdea({
  db,
  actor,
  id,
  driverIds,
  ...patch
}: { db: Db; actor: Actor } & UpdateChangeIdeaInput) {
  const { idea, goal } = await requireEditableChangeIdea(db, actor, id)
  const nextDriverIds = driverIds ? await requireSecondaryDrivers(db, actor, goal.id, driverIds) : null
  await db.$transaction(async (tx) => {
    const current = (await tx.changeIdeaDriver.findMany({ where: { changeIdeaId: id } })).map(
      (d) => d.driverId,
    )
    const { before, after, changed } = changedFields(idea as unknown as Record<string, unknown>, patch)
    if (changed) await tx.changeIdea.update({ where: { id }, data: patch })
    const linksChanged =
      nextDriverIds !== null && [...current].sort().join() !== [...nextDriverIds].sort().join()
    if (linksChanged) {
      await tx.changeIdeaDriver.deleteMany({ where: { changeIdeaId: id } })
      await tx.changeIdeaDriver.createMany({
        data: nextDriverIds.map((driverId) => ({ changeIdeaId: id, driverId })),
      })
      if (!changed) await tx.changeIdea.update({ where: { id }, data: { updatedAt: new Date() } })
    }
    if (changed || linksChanged) {
      await recordAudit(tx, actor, {
        action: 'change_idea.update',
        entityType: 'change_idea',
        entityId: id,
        before: { ...before, ...(linksChanged ? { driverIds: current } : {}) },
        after: { ...after, ...(linksChanged ? { driverIds: nextDriverIds } : {}) },
      })
    }
  })
  return getChangeIdea({ db, actor, id })
}
