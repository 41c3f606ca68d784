import {
  type Actor,
  canAdministerDistrict,
  canLeadDistrict,
  canReadDistrict,
  coachScope,
  ROLE_LABELS,
} from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** What the app's navigation shows the actor: their teams, the schools they oversee, and which areas they may open. */
export async function getNavigation({ db, actor }: { db: DbTx; actor: Actor }) {
  const teamIds = [...new Set(actor.grants.filter((g) => g.teamId).map((g) => g.teamId as string))]
  const schoolIds = [
    ...new Set(actor.grants.filter((g) => g.schoolId && !g.teamId).map((g) => g.schoolId as string)),
  ]
  const [district, teams, schools] = await Promise.all([
    db.district.findUniqueOrThrow({
      where: { id: actor.districtId },
      select: { id: true, name: true, suppressionThreshold: true, timeZone: true },
    }),
    db.team.findMany({
      where: { districtId: actor.districtId, id: { in: teamIds }, archivedAt: null },
      select: { id: true, name: true, school: { select: { id: true, name: true } } },
      orderBy: [{ school: { name: 'asc' } }, { name: 'asc' }],
    }),
    db.school.findMany({
      where: { districtId: actor.districtId, id: { in: schoolIds } },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
  ])
  const rolesOn = (teamId: string) => actor.grants.filter((g) => g.teamId === teamId).map((g) => g.role)
  const coach = coachScope(actor)
  return {
    district,
    user: { id: actor.userId, name: actor.name, email: actor.email },
    roleLabels: [...new Set(actor.grants.map((g) => ROLE_LABELS[g.role]))],
    teams: teams.map((t) => ({ ...t, roles: rolesOn(t.id) })),
    schools,
    isCoach: coach.allTeams || coach.schoolIds.length > 0 || coach.teamIds.length > 0,
    canReadDistrict: canReadDistrict(actor),
    canLeadDistrict: canLeadDistrict(actor),
    canAdminister: canAdministerDistrict(actor),
  }
}
