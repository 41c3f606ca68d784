import { type Actor, coachScope, forbidden } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'

/**
 * The active teams the actor coaches: team grants with role coach, or every team of the schools (or the
 * district) they coach, ordered by school and name. Refuses people who coach nothing.
 */
export async function loadCoachedTeams(db: DbTx, actor: Actor, refusal: string) {
  const scope = coachScope(actor)
  if (!scope.allTeams && scope.schoolIds.length === 0 && scope.teamIds.length === 0) {
    throw forbidden(refusal)
  }
  return db.team.findMany({
    where: {
      districtId: actor.districtId,
      archivedAt: null,
      ...(scope.allTeams
        ? {}
        : { OR: [{ id: { in: scope.teamIds } }, { schoolId: { in: scope.schoolIds } }] }),
    },
    select: { id: true, name: true, school: { select: { id: true, name: true } } },
    orderBy: [{ school: { name: 'asc' } }, { name: 'asc' }],
  })
}
