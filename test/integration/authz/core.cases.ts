import type { AuthzCase } from './types.ts'

const everyone = [
  'admin',
  'leader',
  'coach',
  'lead',
  'member',
  'viewer',
  'otherTeamMember',
  'principal',
] as const
const teamAReaders = ['admin', 'leader', 'coach', 'lead', 'member', 'viewer', 'principal'] as const

export const coreCases: AuthzCase[] = [
  { path: 'auth.me', input: () => undefined, allow: everyone, ownDistrictOnly: true },
  { path: 'org.navigation', input: () => undefined, allow: everyone, ownDistrictOnly: true },
  { path: 'org.teamById', input: (w) => ({ id: w.teamA.id }), allow: teamAReaders },
]
