import type { RouterOutputs } from '~/lib/types'

export type UserRow = RouterOutputs['org']['users'][number]
export type UserRole = UserRow['roles'][number]

/** Where a role applies, for people: "Whole district", "Lincoln Middle", "Attendance team · Lincoln Middle". */
export function roleScopeLabel(role: UserRole): string {
  if (role.team)
    return `${role.team.name}${role.school ? ` · ${role.school.name}` : ''}${role.team.archived ? ' (archived)' : ''}`
  if (role.school) return role.school.name
  return 'Whole district'
}
