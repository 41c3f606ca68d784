// Who may do what, as pure functions of the actor's grants and the record's school/team.
// Services call these after loading the record *within the actor's district* (so a record of
// another district is NOT_FOUND before any of this runs). See docs/decisions/006-tenancy-and-authorization.md.
import type { Actor, Grant, Role, TeamScope } from './roles.ts'

const isDistrictGrant = (g: Grant) => g.schoolId === null && g.teamId === null
const isSchoolGrant = (g: Grant, schoolId: string) => g.schoolId === schoolId && g.teamId === null
const isTeamGrant = (g: Grant, teamId: string) => g.teamId === teamId

function hasDistrictRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.grants.some((g) => isDistrictGrant(g) && roles.includes(g.role))
}

const DISTRICT_READERS: readonly Role[] = ['admin', 'district_leader', 'viewer', 'coach']
const EDITORS: readonly Role[] = ['team_lead', 'team_member']

export function canReadDistrict(actor: Actor): boolean {
  return hasDistrictRole(actor, DISTRICT_READERS)
}

export function canLeadDistrict(actor: Actor): boolean {
  return hasDistrictRole(actor, ['admin', 'district_leader'])
}

export function canAdministerDistrict(actor: Actor): boolean {
  return hasDistrictRole(actor, ['admin'])
}

export function canReadSchool(actor: Actor, schoolId: string): boolean {
  return canReadDistrict(actor) || actor.grants.some((g) => g.schoolId === schoolId)
}

export function canReadTeam(actor: Actor, scope: TeamScope): boolean {
  return (
    canReadDistrict(actor) ||
    actor.grants.some((g) => isSchoolGrant(g, scope.schoolId) || isTeamGrant(g, scope.teamId))
  )
}

/** Write the team's goals, driver diagrams, change ideas, cycles and worksheets. */
export function canEditTeam(actor: Actor, scope: TeamScope): boolean {
  return actor.grants.some((g) => isTeamGrant(g, scope.teamId) && EDITORS.includes(g.role))
}

/** Delete the team's work and manage who is on the team. */
export function canManageTeam(actor: Actor, scope: TeamScope): boolean {
  return (
    canAdministerDistrict(actor) ||
    actor.grants.some((g) => isTeamGrant(g, scope.teamId) && g.role === 'team_lead')
  )
}

/** Give feedback that requires the team's response. */
export function canCoachTeam(actor: Actor, scope: TeamScope): boolean {
  return actor.grants.some(
    (g) =>
      (g.role === 'coach' &&
        (isDistrictGrant(g) || isSchoolGrant(g, scope.schoolId) || isTeamGrant(g, scope.teamId))) ||
      (g.role === 'district_leader' && isDistrictGrant(g)),
  )
}

export function canCommentOnTeam(actor: Actor, scope: TeamScope): boolean {
  return canEditTeam(actor, scope) || canCoachTeam(actor, scope) || canLeadDistrict(actor)
}

/** Enter or import observations for a school. */
export function canEnterSchoolData(actor: Actor, schoolId: string): boolean {
  return (
    canLeadDistrict(actor) ||
    actor.grants.some((g) => g.schoolId === schoolId && g.teamId !== null && EDITORS.includes(g.role))
  )
}

/** Create or change a measure: the district library (schoolId null) or a school's own measures. */
export function canManageMeasures(actor: Actor, schoolId: string | null): boolean {
  if (canLeadDistrict(actor)) return true
  return schoolId !== null && canEnterSchoolData(actor, schoolId)
}

/** The teams a coach is assigned to (team grants), or every team of the schools they coach. */
export function coachScope(actor: Actor): { allTeams: boolean; schoolIds: string[]; teamIds: string[] } {
  const coachGrants = actor.grants.filter((g) => g.role === 'coach')
  return {
    allTeams: coachGrants.some(isDistrictGrant),
    schoolIds: coachGrants
      .filter((g) => g.schoolId !== null && g.teamId === null)
      .map((g) => g.schoolId as string),
    teamIds: coachGrants.filter((g) => g.teamId !== null).map((g) => g.teamId as string),
  }
}

/**
 * The part of the district the actor may read: everything, or some schools and teams.
 * Services turn this into a Prisma `where` so lists never include what the actor cannot open.
 */
export function readableScope(
  actor: Actor,
): { all: true } | { all: false; schoolIds: string[]; teamIds: string[] } {
  if (canReadDistrict(actor)) return { all: true }
  return {
    all: false,
    schoolIds: [
      ...new Set(
        actor.grants.filter((g) => g.schoolId && g.teamId === null).map((g) => g.schoolId as string),
      ),
    ],
    teamIds: [...new Set(actor.grants.filter((g) => g.teamId).map((g) => g.teamId as string))],
  }
}

/** The screen a user lands on after signing in. */
export function homePathFor(actor: Actor): string {
  const team = actor.grants.find((g) => g.teamId && EDITORS.includes(g.role))
  if (team) return `/teams/${team.teamId}`
  if (canLeadDistrict(actor)) return '/district'
  if (actor.grants.some((g) => g.role === 'coach')) return '/coach'
  const anyTeam = actor.grants.find((g) => g.teamId)
  if (anyTeam) return `/teams/${anyTeam.teamId}`
  return '/district'
}

/** Goals belong to a team, or to a school when teamId is null. */
export interface GoalScope {
  schoolId: string
  teamId: string | null
}

export function canReadGoal(actor: Actor, goal: GoalScope): boolean {
  return goal.teamId
    ? canReadTeam(actor, { schoolId: goal.schoolId, teamId: goal.teamId })
    : canReadSchool(actor, goal.schoolId)
}

/** Team goals: the team's editors. School goals: district leaders and admins. */
export function canEditGoal(actor: Actor, goal: GoalScope): boolean {
  return goal.teamId
    ? canEditTeam(actor, { schoolId: goal.schoolId, teamId: goal.teamId })
    : canLeadDistrict(actor)
}

/** Archive a goal or bring it back: team goals by the team lead or an admin; school goals by district leaders. */
export function canArchiveGoal(actor: Actor, goal: GoalScope): boolean {
  return goal.teamId
    ? canManageTeam(actor, { schoolId: goal.schoolId, teamId: goal.teamId })
    : canLeadDistrict(actor)
}
