import { type Actor, notFound, type UpdateSchoolInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { changedFields, recordAudit } from '../audit.ts'
import { assertAdmin, conflict } from './admin.ts'

export async function updateSchool({
  db,
  actor,
  id,
  ...patch
}: { db: Db; actor: Actor } & UpdateSchoolInput) {
  const school = await db.school.findFirst({ where: { id, districtId: actor.districtId } })
  if (!school) throw notFound('School')
  assertAdmin(actor, 'change schools')
  return db.$transaction(async (tx) => {
    if (patch.code && patch.code !== school.code) {
      const taken = await tx.school.findFirst({ where: { districtId: actor.districtId, code: patch.code } })
      if (taken) throw conflict('code', `The code ${patch.code} is already used by ${taken.name}.`)
    }
    const { before, after, changed } = changedFields(school as unknown as Record<string, unknown>, patch)
    if (!changed) return school
    const updated = await tx.school.update({ where: { id }, data: patch })
    await recordAudit(tx, actor, {
      action: 'school.update',
      entityType: 'school',
      entityId: id,
      before,
      after,
    })
    return updated
  })
}
