import type { Actor, CreateStudentGroupInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAdmin, conflict } from './admin.ts'

export async function createStudentGroup({
  db,
  actor,
  ...input
}: { db: Db; actor: Actor } & CreateStudentGroupInput) {
  assertAdmin(actor, 'add student groups')
  const code = input.code.toUpperCase()
  return db.$transaction(async (tx) => {
    const taken = await tx.studentGroup.findFirst({ where: { districtId: actor.districtId, code } })
    if (taken) throw conflict('code', `The code ${code} is already used by ${taken.name}.`)
    const group = await tx.studentGroup.create({ data: { districtId: actor.districtId, ...input, code } })
    await recordAudit(tx, actor, {
      action: 'student_group.create',
      entityType: 'student_group',
      entityId: group.id,
      after: { ...input, code },
    })
    return group
  })
}
