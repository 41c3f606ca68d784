// Loading a referenced record *within the actor's district*: a record of another district is
// indistinguishable from one that does not exist (NOT_FOUND, same message).
import { type Actor, DomainError, notFound } from '@pdsa/domain'
import type { DbTx } from '../db/client.ts'

const inDistrict = (actor: Actor) => ({ districtId: actor.districtId })

export async function requireTeam(db: DbTx, actor: Actor, teamId: string) {
  const team = await db.team.findFirst({ where: { id: teamId, ...inDistrict(actor) } })
  if (!team) throw notFound('Team')
  return team
}

export async function requireSchool(db: DbTx, actor: Actor, schoolId: string) {
  const school = await db.school.findFirst({ where: { id: schoolId, ...inDistrict(actor) } })
  if (!school) throw notFound('School')
  return school
}

/** A measure usable at a school: the district library, or that school's own. */
export async function requireMeasure(
  db: DbTx,
  actor: Actor,
  measureId: string,
  field = 'measureId',
  schoolId?: string,
) {
  const measure = await db.measure.findFirst({ where: { id: measureId, ...inDistrict(actor) } })
  if (!measure)
    throw new DomainError('VALIDATION', `${field}: No such measure.`, {
      fieldErrors: { [field]: ['No such measure.'] },
    })
  if (schoolId && measure.schoolId && measure.schoolId !== schoolId) {
    throw new DomainError('VALIDATION', `${field}: This measure belongs to another school.`, {
      fieldErrors: { [field]: ['This measure belongs to another school.'] },
    })
  }
  return measure
}

export async function requireStudentGroup(db: DbTx, actor: Actor, groupId: string, field: string) {
  const group = await db.studentGroup.findFirst({ where: { id: groupId, ...inDistrict(actor) } })
  if (!group) {
    throw new DomainError('VALIDATION', `${field}: No such student group.`, {
      fieldErrors: { [field]: ['No such student group.'] },
    })
  }
  return group
}

/** All ids must be district goals of the actor's district. */
export async function requireDistrictGoals(
  db: DbTx,
  actor: Actor,
  ids: readonly string[],
  field = 'districtGoalIds',
) {
  if (ids.length === 0) return []
  const unique = [...new Set(ids)]
  const goals = await db.districtGoal.findMany({ where: { id: { in: unique }, ...inDistrict(actor) } })
  if (goals.length !== unique.length) {
    throw new DomainError('VALIDATION', `${field}: No such district goal.`, {
      fieldErrors: { [field]: ['No such district goal.'] },
    })
  }
  return goals
}
