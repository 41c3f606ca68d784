// The coach portfolio, the district alignment audit and its exports, and the cross-school search.
import type { AuthzCase } from './types.ts'

const districtReaders = ['admin', 'leader'] as const

export const portfolioCases: AuthzCase[] = [
  { path: 'coach.overview', input: () => undefined, allow: ['coach'], ownDistrictOnly: true },
  { path: 'coach.portfolio', input: () => undefined, allow: ['coach'], ownDistrictOnly: true },
  {
    path: 'district.overview',
    input: () => undefined,
    allow: ['admin', 'leader', 'principal'],
    ownDistrictOnly: true,
  },
  { path: 'district.alignment', input: () => undefined, allow: districtReaders, ownDistrictOnly: true },
  { path: 'district.equityMatrix', input: () => undefined, allow: districtReaders, ownDistrictOnly: true },
  {
    path: 'district.alignmentCsv',
    input: () => undefined,
    allow: ['admin', 'leader'],
    ownDistrictOnly: true,
  },
  {
    // District-wide learning: every signed-in user of the district searches all of its cycles.
    path: 'search.cycles',
    input: () => ({ q: 'family' }),
    allow: ['admin', 'leader', 'coach', 'lead', 'member', 'viewer', 'otherTeamMember', 'principal'],
    ownDistrictOnly: true,
  },
  {
    path: 'search.quick',
    input: () => ({ q: 'chronic absence' }),
    allow: ['admin', 'leader', 'coach', 'lead', 'member', 'viewer', 'otherTeamMember', 'principal'],
    ownDistrictOnly: true,
  },
]
