import { type Actor, notFound, type UpdateStudentGroupInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { validation } from '../shared.ts'
import { assertAdmin } from './admin.ts'

/** Rename, reorder, deactivate or reactivate. Observations of an inactive group are kept. */
export async function updateStudentGroup({
  db,
  actor,
  id,
  ...patch
}: { db: Db; actor: Actor } & UpdateStudentGroupInput) {
  const group = await db.studentGroup.findFirst({ where: { id, districtId: actor.districtId } })
  if (!group) throw notFound('Student group')
  assertAdmin(actor, 'change student groups')
  if (patch.isActive === false && group.category === 'all') {
    throw validation('isActive', 'All students is the reference for every gap, so it stays active.')
  }
  const { before, after, changed } = changedFields(group as unknown as Record<string, unknown>, patch)
  if (!changed) return group
  return db.$transaction(async (tx) => {
    const updated = await tx.studentGroup.update({ where: { id }, data: patch })
    await recordAudit(tx, actor, {
      action: 'student_group.update',
      entityType: 'student_group',
      entityId: id,
      before,
      after,
    })
    return updated
  })
}
