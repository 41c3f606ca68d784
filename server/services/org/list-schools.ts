import { type Actor, canAdministerDistrict, type ListSchoolsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/** Every school of the district with its teams (for selects and the admin screen), by name. */
export async function listSchools({
  db,
  actor,
  includeArchivedTeams,
}: { db: DbTx; actor: Actor } & ListSchoolsInput) {
  const schools = await db.school.findMany({
    where: { districtId: actor.districtId },
    select: {
      id: true,
      code: true,
      name: true,
      level: true,
      gradeSpan: true,
      enrollment: true,
      teams: {
        where: includeArchivedTeams ? {} : { archivedAt: null },
        select: {
          id: true,
          name: true,
          description: true,
          archivedAt: true,
          _count: { select: { memberships: true } },
        },
        orderBy: { name: 'asc' },
      },
    },
    orderBy: { name: 'asc' },
  })
  const canManage = canAdministerDistrict(actor)
  return schools.map((s) => ({
    ...s,
    teams: s.teams.map(({ _count, archivedAt, ...t }) => ({
      ...t,
      archived: archivedAt !== null,
      membershipCount: _count.memberships,
    })),
    canManage,
  }))
}
