import { type Actor, canLeadDistrict, forbidden, type UpdateDistrictGoalInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { validation } from '../shared.ts'
import {
  districtGoalSelect,
  requireDistrictGoal,
  requireFreeCode,
  requireOwner,
  toDistrictGoalDto,
} from './district-goal-dto.ts'

/** Change a district goal, or archive it (`archived: true`) / bring it back. */
export async function updateDistrictGoal({
  db,
  actor,
  id,
  archived,
  ...patch
}: { db: Db; actor: Actor } & UpdateDistrictGoalInput) {
  const goal = await requireDistrictGoal(db, actor, id)
  if (!canLeadDistrict(actor)) throw forbidden('Only district leaders and admins can change district goals.')
  if (patch.code && patch.code !== goal.code) await requireFreeCode(db, actor, patch.code, goal.id)
  if (patch.ownerId) await requireOwner(db, actor, patch.ownerId)
  if ((patch.endYear ?? goal.endYear) < (patch.startYear ?? goal.startYear)) {
    throw validation('endYear', 'The end year is before the start year.')
  }
  const data = {
    ...patch,
    ...(archived === undefined || archived === (goal.archivedAt !== null)
      ? {}
      : { archivedAt: archived ? new Date() : null }),
  }
  const { before, after, changed } = changedFields(goal as unknown as Record<string, unknown>, data)
  return db.$transaction(async (tx) => {
    const row = changed
      ? await tx.districtGoal.update({ where: { id }, data, select: districtGoalSelect })
      : await tx.districtGoal.findUniqueOrThrow({ where: { id }, select: districtGoalSelect })
    if (changed) {
      await recordAudit(tx, actor, {
        action: 'district_goal.update',
        entityType: 'district_goal',
        entityId: id,
        before,
        after,
      })
    }
    return toDistrictGoalDto(row)
  })
}
