import { type Actor, type GrantRoleInput, notFound, ROLE_LABELS } from '@pdsa/domain'
import type { Db } from '../../db/client.ts'
import { recordAudit } from '../audit.ts'
import { requireSchool, requireTeam } from '../references.ts'
import { validation } from '../shared.ts'
import { assertAdmin, conflict } from './admin.ts'

/**
 * A role on the district, a school or a team. Team grants also carry the team's school, so school-wide
 * rules (entering a school's data) see them. School and team must be of the actor's district.
 */
export async function grantRole({
  db,
  actor,
  userId,
  role,
  ...where
}: { db: Db; actor: Actor } & GrantRoleInput) {
  const user = await db.user.findFirst({
    where: { id: userId, districtId: actor.districtId },
    select: { id: true, name: true },
  })
  if (!user) throw notFound('User')
  assertAdmin(actor, 'grant roles')
  let schoolId = where.schoolId
  const teamId = where.teamId
  if (teamId) {
    const team = await requireTeam(db, actor, teamId)
    if (team.archivedAt) throw validation('teamId', 'This team is archived: restore it first.')
    if (schoolId && schoolId !== team.schoolId) throw validation('teamId', 'This team is at another school.')
    schoolId = team.schoolId
  } else if (schoolId) {
    await requireSchool(db, actor, schoolId)
  }
  return db.$transaction(async (tx) => {
    const same = await tx.membership.findFirst({ where: { userId, role, schoolId, teamId } })
    if (same) throw conflict('role', `${user.name} already has the role ${ROLE_LABELS[role]} there.`)
    const membership = await tx.membership.create({
      data: { districtId: actor.districtId, userId, role, schoolId, teamId },
    })
    await recordAudit(tx, actor, {
      action: 'user.grant_role',
      entityType: 'user',
      entityId: userId,
      after: { membershipId: membership.id, role, schoolId, teamId },
    })
    return membership
  })
}
