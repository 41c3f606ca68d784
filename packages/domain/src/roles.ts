export const ROLES = ['admin', 'district_leader', 'coach', 'team_lead', 'team_member', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'District admin',
  district_leader: 'District leader',
  coach: 'Improvement coach',
  team_lead: 'Team lead',
  team_member: 'Team member',
  viewer: 'Viewer',
}

/** A role held on the whole district (schoolId and teamId null), on a school, or on a team. */
export interface Grant {
  role: Role
  schoolId: string | null
  teamId: string | null
}

/** Who is acting: the signed-in user with every grant they hold in their district. */
export interface Actor {
  userId: string
  districtId: string
  name: string
  email: string
  grants: readonly Grant[]
}

/** Where a record lives: enough to decide who may read or change it. */
export interface TeamScope {
  schoolId: string
  teamId: string
}

export type Capability =
  | 'team.read'
  | 'team.edit' // goals, drivers, change ideas, cycles, worksheets of the team
  | 'team.manage' // delete or archive the team's work, manage its members
  | 'team.coach' // feedback that requires a response
  | 'team.comment'
  | 'school.read'
  | 'school.enter_data' // observations for the school
  | 'school.manage_measures'
  | 'district.read' // everything in the district, read-only
  | 'district.lead' // district goals, audit log, exports
  | 'district.admin' // schools, teams, users, memberships, groups, measures library
