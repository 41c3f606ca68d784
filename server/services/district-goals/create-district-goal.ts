import { type Actor, type CreateDistrictGoalInput, canLeadDistrict, forbidden } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { districtGoalSelect, requireFreeCode, requireOwner, toDistrictGoalDto } from './district-goal-dto.ts'

export async function createDistrictGoal({
  db,
  actor,
  ...input
}: { db: Db; actor: Actor } & CreateDistrictGoalInput) {
  if (!canLeadDistrict(actor)) throw forbidden('Only district leaders and admins can add district goals.')
  await requireFreeCode(db, actor, input.code)
  if (input.ownerId) await requireOwner(db, actor, input.ownerId)
  return db.$transaction(async (tx) => {
    const row = await tx.districtGoal.create({
      data: { districtId: actor.districtId, ...input },
      select: districtGoalSelect,
    })
    await recordAudit(tx, actor, {
      action: 'district_goal.create',
      entityType: 'district_goal',
      entityId: row.id,
      after: input,
    })
    return toDistrictGoalDto(row)
  })
}
