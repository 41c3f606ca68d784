// The 12 schools of Riverbend Unified and their enrollment by student group (education-data.md §6.2).
// Counts are cumulative enrollment for a school year; the simulated rosters match them exactly.
import type { SchoolLevel } from '@pdsa/domain'

export const RACE_CODES = ['HI', 'WH', 'AS', 'AA', 'FI', 'MR', 'AI', 'PI'] as const
export type RaceCode = (typeof RACE_CODES)[number]
export const PROGRAM_CODES = ['SED', 'EL', 'SWD', 'HOM', 'FOS'] as const
export type ProgramCode = (typeof PROGRAM_CODES)[number]

export interface SchoolProfile {
  code: string
  name: string
  shortName: string
  level: Extract<SchoolLevel, 'elementary' | 'middle' | 'high'>
  gradeSpan: string
  /** Lowest and highest grade (TK = -1, K = 0). */
  grades: readonly [number, number]
  enrollment: number
  programs: Record<ProgramCode, number>
  races: Record<RaceCode, number>
}

type Row = [
  code: string,
  name: string,
  level: SchoolProfile['level'],
  span: string,
  enr: number,
  sed: number,
  el: number,
  swd: number,
  hom: number,
  fos: number,
  hi: number,
  wh: number,
  as: number,
  aa: number,
  fi: number,
  mr: number,
  ai: number,
  pi: number,
]

const ROWS: Row[] = [
  ['ARR', 'Arroyo Elementary', 'elementary', 'TK-5', 520, 458, 198, 68, 42, 5, 426, 31, 10, 26, 5, 16, 4, 2],
  [
    'BAY',
    'Bayview Elementary',
    'elementary',
    'TK-5',
    610,
    439,
    183,
    85,
    30,
    5,
    403,
    73,
    37,
    49,
    18,
    24,
    3,
    3,
  ],
  [
    'CED',
    'Cedar Grove Elementary',
    'elementary',
    'TK-5',
    480,
    168,
    58,
    58,
    5,
    2,
    162,
    192,
    67,
    14,
    14,
    29,
    2,
    0,
  ],
  [
    'DEL',
    'Delta Park Elementary',
    'elementary',
    'TK-5',
    560,
    454,
    190,
    84,
    39,
    6,
    393,
    45,
    22,
    62,
    11,
    22,
    3,
    2,
  ],
  [
    'EVG',
    'Evergreen Elementary',
    'elementary',
    'TK-5',
    450,
    126,
    40,
    50,
    4,
    1,
    108,
    202,
    81,
    14,
    14,
    27,
    2,
    2,
  ],
  [
    'FTH',
    'Foothill Elementary',
    'elementary',
    'TK-5',
    530,
    339,
    132,
    74,
    21,
    3,
    318,
    106,
    37,
    26,
    16,
    26,
    1,
    0,
  ],
  [
    'GVE',
    'Golden Valley Elementary',
    'elementary',
    'TK-5',
    500,
    345,
    135,
    80,
    25,
    4,
    311,
    90,
    25,
    35,
    10,
    25,
    2,
    2,
  ],
  ['HMS', 'Harbor Middle', 'middle', '6-8', 820, 607, 164, 123, 41, 7, 558, 98, 41, 66, 16, 33, 4, 4],
  ['IHM', 'Iris Hill Middle', 'middle', '6-8', 760, 342, 76, 99, 15, 3, 300, 251, 99, 38, 23, 46, 3, 0],
  ['JMS', 'Juniper Middle', 'middle', '6-8', 690, 455, 117, 104, 28, 4, 411, 124, 48, 48, 21, 34, 2, 2],
  ['KHS', 'Kestrel High', 'high', '9-12', 1850, 1295, 278, 259, 92, 13, 1182, 296, 130, 130, 37, 65, 6, 4],
  ['LHS', 'Lakeside High', 'high', '9-12', 1630, 815, 163, 212, 49, 7, 729, 489, 196, 82, 49, 82, 1, 2],
]

const GRADES: Record<SchoolProfile['level'], readonly [number, number]> = {
  elementary: [-1, 5],
  middle: [6, 8],
  high: [9, 12],
}

function toProfile(row: Row): SchoolProfile {
  const [code, name, level, gradeSpan, enrollment, sed, el, swd, hom, fos, hi, wh, as, aa, fi, mr, ai, pi] =
    row
  return {
    code,
    name,
    shortName: name.replace(/ (Elementary|Middle|High)$/, ''),
    level,
    gradeSpan,
    grades: GRADES[level],
    enrollment,
    programs: { SED: sed, EL: el, SWD: swd, HOM: hom, FOS: fos },
    races: { HI: hi, WH: wh, AS: as, AA: aa, FI: fi, MR: mr, AI: ai, PI: pi },
  }
}

export const SCHOOLS: readonly SchoolProfile[] = ROWS.map(toProfile)

export function schoolByCode(code: string): SchoolProfile {
  const school = SCHOOLS.find((s) => s.code === code)
  if (!school) throw new Error(`Unknown school code ${code}`)
  return school
}

/** The school's name, or a short form ("Harbor Middle" → "Harbor"). */
export function schoolName(code: string, short = false): string {
  const school = schoolByCode(code)
  return short ? school.shortName : school.name
}
