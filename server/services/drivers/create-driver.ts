import type { Actor, CreateDriverInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireEditableGoal } from '../goals/get-goal.ts'
import { requirePrimaryParent, toDriverDto } from './require-driver.ts'

/** Add a primary driver to a goal, or a secondary driver under one of its primary drivers (placed last). */
export async function createDriver({ db, actor, ...input }: { db: Db; actor: Actor } & CreateDriverInput) {
  const goal = await requireEditableGoal(db, actor, input.goalId)
  if (input.parentId) await requirePrimaryParent(db, actor, goal.id, input.parentId)
  return db.$transaction(async (tx) => {
    const last = await tx.driverNode.aggregate({
      where: { goalId: goal.id, parentId: input.parentId },
      _max: { position: true },
    })
    const driver = await tx.driverNode.create({
      data: {
        districtId: actor.districtId,
        goalId: goal.id,
        parentId: input.parentId,
        kind: input.kind,
        title: input.title,
        description: input.description,
        position: (last._max.position ?? -1) + 1,
      },
    })
    const dto = toDriverDto(driver)
    await recordAudit(tx, actor, {
      action: 'driver.create',
      entityType: 'driver_node',
      entityId: driver.id,
      after: dto,
    })
    return dto
  })
}
