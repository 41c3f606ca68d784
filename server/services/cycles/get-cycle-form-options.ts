import { type Actor, canReadTeam, forbidden, type MeasureUnit } from '@pdsa/domain'
import type { DbTx } from '../../db/client.ts'
import { requireTeam } from '../references.ts'

/**
 * What the cycle forms of a team may choose from: the goals its cycles may serve (its own and its
 * school's), their change ideas and drivers, the team's members (owners), the measures usable at its
 * school and the district's student groups.
 */
export async function getCycleFormOptions({ db, actor, teamId }: { db: DbTx; actor: Actor; teamId: string }) {
  const team = await requireTeam(db, actor, teamId)
  if (!canReadTeam(actor, { schoolId: team.schoolId, teamId: team.id })) {
    throw forbidden('You do not have access to this team.')
  }
  const inDistrict = { districtId: actor.districtId }
  const goalWhere = {
    ...inDistrict,
    schoolId: team.schoolId,
    OR: [{ teamId: team.id }, { teamId: null }],
    status: { not: 'archived' as const },
  }
  const [goals, changeIdeas, drivers, members, measures, studentGroups] = await Promise.all([
    db.equityGoal.findMany({
      where: goalWhere,
      select: { id: true, title: true },
      orderBy: { title: 'asc' },
    }),
    db.changeIdea.findMany({
      where: { ...inDistrict, goal: goalWhere, OR: [{ teamId: team.id }, { teamId: null }] },
      select: { id: true, title: true, status: true, goalId: true },
      orderBy: { title: 'asc' },
    }),
    db.driverNode.findMany({
      where: { ...inDistrict, goal: goalWhere },
      select: { id: true, title: true, kind: true, goalId: true, parentId: true },
      orderBy: [{ kind: 'asc' }, { position: 'asc' }, { title: 'asc' }],
    }),
    db.user.findMany({
      where: {
        ...inDistrict,
        deactivatedAt: null,
        memberships: { some: { teamId: team.id, role: { in: ['team_lead', 'team_member'] } } },
      },
      select: { id: true, name: true },
      orderBy: { name: 'asc' },
    }),
    db.measure.findMany({
      where: { ...inDistrict, archivedAt: null, OR: [{ schoolId: null }, { schoolId: team.schoolId }] },
      select: {
        id: true,
        code: true,
        name: true,
        unit: true,
        higherIsBetter: true,
        accumulation: true,
        family: true,
      },
      orderBy: { name: 'asc' },
    }),
    db.studentGroup.findMany({
      where: { ...inDistrict, isActive: true },
      select: { id: true, code: true, name: true },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
  ])
  return {
    team: { id: team.id, name: team.name, schoolId: team.schoolId },
    goals,
    changeIdeas,
    drivers,
    members,
    measures: measures.map((m) => ({ ...m, unit: m.unit as MeasureUnit })),
    studentGroups,
  }
}
