// California School Dashboard student-group codes (education-data.md §1.2).
import type { StudentGroupCategory } from '@pdsa/domain'

export interface DemoStudentGroup {
  code: GroupCode
  name: string
  category: StudentGroupCategory
  sortOrder: number
}

export const GROUP_CODES = [
  'ALL',
  'AA',
  'AI',
  'AS',
  'FI',
  'HI',
  'PI',
  'WH',
  'MR',
  'EL',
  'SED',
  'SWD',
  'FOS',
  'HOM',
] as const
export type GroupCode = (typeof GROUP_CODES)[number]

const DEFINITIONS: Record<GroupCode, { name: string; category: StudentGroupCategory }> = {
  ALL: { name: 'All Students', category: 'all' },
  AA: { name: 'Black or African American', category: 'race_ethnicity' },
  AI: { name: 'American Indian or Alaska Native', category: 'race_ethnicity' },
  AS: { name: 'Asian', category: 'race_ethnicity' },
  FI: { name: 'Filipino', category: 'race_ethnicity' },
  HI: { name: 'Hispanic or Latino', category: 'race_ethnicity' },
  PI: { name: 'Native Hawaiian or Pacific Islander', category: 'race_ethnicity' },
  WH: { name: 'White', category: 'race_ethnicity' },
  MR: { name: 'Two or More Races', category: 'race_ethnicity' },
  EL: { name: 'English Learners', category: 'program' },
  SED: { name: 'Socioeconomically Disadvantaged', category: 'program' },
  SWD: { name: 'Students with Disabilities', category: 'program' },
  FOS: { name: 'Foster Youth', category: 'other' },
  HOM: { name: 'Homeless Youth', category: 'other' },
}

export const STUDENT_GROUPS: readonly DemoStudentGroup[] = GROUP_CODES.map((code, i) => ({
  code,
  ...DEFINITIONS[code],
  sortOrder: (i + 1) * 10,
}))

/** Bit of each group in a student's membership mask. */
export const GROUP_BIT: Record<GroupCode, number> = Object.fromEntries(
  GROUP_CODES.map((code, i) => [code, 1 << i]),
) as Record<GroupCode, number>

export function groupName(code: GroupCode): string {
  return DEFINITIONS[code].name
}

/** Short labels for narrative text ("Black students", "English learners"). */
export const GROUP_PHRASE: Record<GroupCode, string> = {
  ALL: 'all students',
  AA: 'Black students',
  AI: 'American Indian and Alaska Native students',
  AS: 'Asian students',
  FI: 'Filipino students',
  HI: 'Latino students',
  PI: 'Pacific Islander students',
  WH: 'White students',
  MR: 'multiracial students',
  EL: 'English learners',
  SED: 'socioeconomically disadvantaged students',
  SWD: 'students with disabilities',
  FOS: 'foster youth',
  HOM: 'students experiencing homelessness',
}
