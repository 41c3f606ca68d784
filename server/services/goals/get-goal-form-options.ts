import { type Actor, canReadSchool, forbidden, type GoalFormOptionsInput } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireSchool } from '../references.ts'

/** What a goal at this school can use: the district's measures and the school's own, student groups, district goals. */
export async function getGoalFormOptions({
  db,
  actor,
  schoolId,
}: { db: DbTx; actor: Actor } & GoalFormOptionsInput) {
  const school = await requireSchool(db, actor, schoolId)
  if (!canReadSchool(actor, school.id)) throw forbidden('You do not have access to this school.')
  const [measures, studentGroups, districtGoals] = await Promise.all([
    db.measure.findMany({
      where: {
        districtId: actor.districtId,
        archivedAt: null,
        OR: [{ schoolId: null }, { schoolId: school.id }],
      },
      select: {
        id: true,
        code: true,
        name: true,
        unit: true,
        family: true,
        higherIsBetter: true,
        accumulation: true,
        schoolId: true,
      },
      orderBy: [{ family: 'asc' }, { name: 'asc' }],
    }),
    db.studentGroup.findMany({
      where: { districtId: actor.districtId, isActive: true },
      select: { id: true, code: true, name: true, category: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
    // Archived ones too, so a goal still aligned to one shows it (the form offers only active ones).
    db.districtGoal.findMany({
      where: { districtId: actor.districtId },
      select: { id: true, code: true, title: true, archivedAt: true },
      orderBy: { code: 'asc' },
    }),
  ])
  return {
    school: { id: school.id, name: school.name },
    measures,
    studentGroups,
    districtGoals: districtGoals.map(({ archivedAt, ...d }) => ({ ...d, archived: archivedAt !== null })),
  }
}
