import type { Actor, CreateTeamInput } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireSchool } from '../references.ts'
import { assertAdmin } from './admin.ts'

export async function createTeam({ db, actor, ...input }: { db: Db; actor: Actor } & CreateTeamInput) {
  const school = await requireSchool(db, actor, input.schoolId)
  assertAdmin(actor, 'add teams')
  return db.$transaction(async (tx) => {
    const team = await tx.team.create({
      data: {
        districtId: actor.districtId,
        schoolId: school.id,
        name: input.name,
        description: input.description,
      },
    })
    await recordAudit(tx, actor, {
      action: 'team.create',
      entityType: 'team',
      entityId: team.id,
      after: input,
    })
    return team
  })
}
