import type { Actor, CreateSchoolInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { assertAdmin, conflict } from './admin.ts'

export async function createSchool({ db, actor, ...input }: { db: Db; actor: Actor } & CreateSchoolInput) {
  assertAdmin(actor, 'add schools')
  return db.$transaction(async (tx) => {
    const taken = await tx.school.findFirst({ where: { districtId: actor.districtId, code: input.code } })
    if (taken) throw conflict('code', `The code ${input.code} is already used by ${taken.name}.`)
    const school = await tx.school.create({ data: { districtId: actor.districtId, ...input } })
    await recordAudit(tx, actor, {
      action: 'school.create',
      entityType: 'school',
      entityId: school.id,
      after: input,
    })
    return school
  })
}
