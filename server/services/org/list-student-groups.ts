import type { Actor, ListStudentGroupsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** The district's student groups in display order (inactive ones only when asked). */
export async function listStudentGroups({
  db,
  actor,
  includeInactive,
}: { db: DbTx; actor: Actor } & ListStudentGroupsInput) {
  return db.studentGroup.findMany({
    where: { districtId: actor.districtId, ...(includeInactive ? {} : { isActive: true }) },
    select: { id: true, code: true, name: true, category: true, sortOrder: true, isActive: true },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
  })
}
