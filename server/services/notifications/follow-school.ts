import { type Actor, canLeadDistrict, type FollowSchoolInput, forbidden, notFound } from '@pdsa/domain'
import type { Db, DbTx } from '../../db/client.ts'

/**
 * District leaders and admins follow a school: its new alignment findings and cycle verdicts that become
 * improved or worsened notify them (coaches get those of the schools they coach without following).
 */
export async function followSchool({
  db,
  actor,
  schoolId,
  follow,
}: { db: Db; actor: Actor } & FollowSchoolInput) {
  // Another district's school is not found, whoever asks (ADR 006); then the role.
  const school = await db.school.findFirst({ where: { id: schoolId, districtId: actor.districtId } })
  if (!school) throw notFound('School')
  if (!canLeadDistrict(actor)) throw forbidden('Only district leaders and admins follow schools.')
  const key = { userId_schoolId: { userId: actor.userId, schoolId } }
  if (follow) {
    await db.schoolFollow.upsert({
      where: key,
      create: { districtId: actor.districtId, userId: actor.userId, schoolId },
      update: {},
    })
  } else {
    await db.schoolFollow.deleteMany({ where: { userId: actor.userId, schoolId } })
  }
  return { schoolId, following: follow }
}

/** The ids of the schools the actor follows. */
export async function listFollowedSchools({ db, actor }: { db: DbTx; actor: Actor }) {
  const rows = await db.schoolFollow.findMany({
    where: { userId: actor.userId, districtId: actor.districtId },
    select: { schoolId: true },
  })
  return rows.map((r) => r.schoolId)
}
