// Synthetic students: one roster per school and year whose group counts match the doc table exactly,
// with correlated program flags (EL mostly Latino and Asian, homeless and foster within SED…),
// enrollment dates with ≈8% mobility, and latent propensities for absence, discipline and grades.
import type { YearKey } from './calendar.ts'
import {
  ABSENCE_FRAILTY_SHAPE,
  ABSENCE_MULTIPLIER,
  ACADEMIC,
  ACADEMIC_SHIFT,
  BASE_DAILY_ABSENCE,
  BASE_SUSPENSION_RATE,
  LEVEL_SUSPENSION_MULTIPLIER,
  MAX_ANNUAL_SUSPENSION_RISK,
  MAX_DAILY_ABSENCE,
  MOBILITY,
  ODR_PER_STUDENT_DAY,
  SCHOOL_ABSENCE_MULTIPLIER,
  SCHOOL_GROUP_ABSENCE_MULTIPLIER,
  SCHOOL_GROUP_SUSPENSION_MULTIPLIER,
  SCHOOL_SUSPENSION_MULTIPLIER,
  SUSPENSION_FRAILTY_SHAPE,
  SUSPENSION_INCIDENT_FACTOR,
  SUSPENSION_MULTIPLIER,
} from './config.ts'
import {
  createRng,
  frailtyQuantiles,
  gamma,
  normal,
  type Rng,
  randomInt,
  shuffle,
  stratifiedDraws,
  weightedSample,
} from './random.ts'
import {
  PROGRAM_CODES,
  type ProgramCode,
  RACE_CODES,
  type RaceCode,
  SCHOOLS,
  type SchoolProfile,
} from './schools.ts'
import { GROUP_BIT, type GroupCode } from './student-groups.ts'

export interface SimStudent {
  id: number
  schoolCode: string
  grade: number
  race: RaceCode
  programs: Record<ProgramCode, boolean>
  /** Bit mask of the student's groups (GROUP_BIT), ALL included. */
  mask: number
  /** Index of the first enrolled day, and one past the last, in the year's day list. */
  entryDay: number
  exitDay: number
  /** Daily absence propensity before seasonality and interventions. */
  absence: number
  /** Unit-mean frailty behind `absence`. */
  frailty: number
  /** Weekly probability of a suspension incident. */
  suspensionHazard: number
  odrPerDay: number
  /** Latent course-performance risk (logit scale; higher = more D/F marks). */
  academic: number
  courseShifts: [number, number, number, number]
}

export interface Roster {
  school: SchoolProfile
  year: YearKey
  students: SimStudent[]
}

const SED_WEIGHT: Record<RaceCode, number> = {
  HI: 1.35,
  AA: 1.35,
  AI: 1.35,
  PI: 1.2,
  MR: 0.9,
  FI: 0.75,
  AS: 0.6,
  WH: 0.45,
}
const EL_WEIGHT: Record<RaceCode, number> = {
  HI: 1,
  AS: 0.8,
  FI: 0.55,
  PI: 0.35,
  AI: 0.15,
  MR: 0.08,
  WH: 0.05,
  AA: 0.05,
}

interface Draft {
  race: RaceCode
  grade: number
  programs: Record<ProgramCode, boolean>
}

function drawGrades(rng: Rng, school: SchoolProfile, n: number): number[] {
  const [lo, hi] = school.grades
  const weights: number[] = []
  for (let g = lo; g <= hi; g++) weights.push(g === -1 ? 0.5 : g === 9 ? 1.15 : g === 12 ? 0.9 : 1)
  const total = weights.reduce((a, b) => a + b, 0)
  const grades: number[] = []
  weights.forEach((w, i) => {
    const count = Math.round((w / total) * n)
    for (let k = 0; k < count; k++) grades.push(lo + i)
  })
  while (grades.length < n) grades.push(randomInt(rng, lo, hi))
  return shuffle(rng, grades.slice(0, n))
}

function draftStudents(rng: Rng, school: SchoolProfile): Draft[] {
  const races = RACE_CODES.flatMap((race) => Array.from({ length: school.races[race] }, () => race))
  shuffle(rng, races)
  const grades = drawGrades(rng, school, races.length)
  const drafts: Draft[] = races.map((race, i) => ({
    race,
    grade: grades[i] ?? school.grades[0],
    programs: { SED: false, EL: false, SWD: false, HOM: false, FOS: false },
  }))
  const assign = (program: ProgramCode, weight: (d: Draft) => number) => {
    const chosen = weightedSample(rng, drafts.map(weight), school.programs[program])
    for (const i of chosen) (drafts[i] as Draft).programs[program] = true
  }
  assign('SED', (d) => SED_WEIGHT[d.race])
  assign(
    'EL',
    (d) => EL_WEIGHT[d.race] * (d.programs.SED ? 1.6 : 1) * (d.grade <= 2 ? 1.4 : d.grade >= 9 ? 0.8 : 1),
  )
  assign('SWD', (d) => (d.race === 'AA' ? 1.3 : d.race === 'AS' ? 0.6 : 1) * (d.programs.SED ? 1.2 : 1))
  assign('HOM', (d) => (d.programs.SED ? 1 : 0.02))
  assign('FOS', (d) => (d.programs.SED ? 1 : 0.03) * (d.race === 'AA' || d.race === 'AI' ? 2.5 : 1))
  return drafts
}

function membershipMask(d: Draft): number {
  let mask = GROUP_BIT.ALL | GROUP_BIT[d.race as GroupCode]
  for (const p of PROGRAM_CODES) if (d.programs[p]) mask |= GROUP_BIT[p as GroupCode]
  return mask
}

function product(
  d: Draft,
  table: Record<RaceCode | ProgramCode, number>,
  extra: Partial<Record<RaceCode | ProgramCode, number>> = {},
): number {
  let m = (table[d.race] ?? 1) * (extra[d.race] ?? 1)
  for (const p of PROGRAM_CODES) if (d.programs[p]) m *= (table[p] ?? 1) * (extra[p] ?? 1)
  return m
}

function enrollmentWindow(rng: Rng, dayCount: number): [number, number] {
  const u = rng.next()
  if (u < MOBILITY.lateEntry) return [randomInt(rng, 10, dayCount - 30), dayCount]
  if (u < MOBILITY.lateEntry + MOBILITY.earlyExit) return [0, randomInt(rng, 25, dayCount - 10)]
  return [0, dayCount]
}

function academicRisk(rng: Rng, d: Draft, absence: number, schoolCode: string): number {
  let a = normal(rng)
  a += ACADEMIC_SHIFT[d.race] ?? 0
  for (const p of PROGRAM_CODES) if (d.programs[p]) a += ACADEMIC_SHIFT[p] ?? 0
  if (absence > 0.1) a += ACADEMIC.chronicShift
  if (schoolCode === 'IHM' || schoolCode === 'LHS') a -= 0.25
  return a
}

/**
 * Every school's roster for one year. Means are normalised over the district so the district-wide
 * mean absence and suspension risk equal the year's base rates.
 */
export function buildRosters(seed: number, year: YearKey, dayCount: number): Roster[] {
  const frailtyTable = frailtyQuantiles(createRng(seed, 'frailty-table'), ABSENCE_FRAILTY_SHAPE)
  const drafts = SCHOOLS.map((school) => ({
    school,
    drafts: draftStudents(createRng(seed, `roster:${school.code}:${year}`), school),
  }))
  const absenceRaw = (school: SchoolProfile, d: Draft) =>
    (SCHOOL_ABSENCE_MULTIPLIER[school.code] ?? 1) *
    product(d, ABSENCE_MULTIPLIER, SCHOOL_GROUP_ABSENCE_MULTIPLIER[school.code])
  const suspensionRaw = (school: SchoolProfile, d: Draft) =>
    LEVEL_SUSPENSION_MULTIPLIER[school.level] *
    (SCHOOL_SUSPENSION_MULTIPLIER[school.code] ?? 1) *
    product(d, SUSPENSION_MULTIPLIER, SCHOOL_GROUP_SUSPENSION_MULTIPLIER[school.code])
  const all = drafts.flatMap(({ school, drafts: ds }) => ds.map((d) => ({ school, d })))
  const meanAbsence = all.reduce((s, x) => s + absenceRaw(x.school, x.d), 0) / all.length
  const meanSuspension = all.reduce((s, x) => s + suspensionRaw(x.school, x.d), 0) / all.length
  let nextId = 0
  return drafts.map(({ school, drafts: ds }) => {
    const rng = createRng(seed, `propensity:${school.code}:${year}`)
    const frailty = new Array<number>(ds.length).fill(1)
    for (const race of RACE_CODES) {
      const members = ds.map((d, i) => (d.race === race ? i : -1)).filter((i) => i >= 0)
      const draws = stratifiedDraws(rng, frailtyTable, members.length)
      members.forEach((i, k) => {
        frailty[i] = draws[k] ?? 1
      })
    }
    const odrLevelMean = ODR_PER_STUDENT_DAY[school.level]
    const students = ds.map((d, i): SimStudent => {
      const mean = (BASE_DAILY_ABSENCE[year] * absenceRaw(school, d)) / meanAbsence
      const f = frailty[i] ?? 1
      const absence = Math.min(MAX_DAILY_ABSENCE, mean * f)
      const concentration = gamma(rng, SUSPENSION_FRAILTY_SHAPE) / SUSPENSION_FRAILTY_SHAPE
      const rate =
        (BASE_SUSPENSION_RATE[year] * SUSPENSION_INCIDENT_FACTOR * concentration * suspensionRaw(school, d)) /
        meanSuspension
      const risk = Math.min(MAX_ANNUAL_SUSPENSION_RISK, rate)
      const [entryDay, exitDay] = enrollmentWindow(rng, dayCount)
      return {
        id: nextId++,
        schoolCode: school.code,
        grade: d.grade,
        race: d.race,
        programs: d.programs,
        mask: membershipMask(d),
        entryDay,
        exitDay,
        absence,
        frailty: f,
        suspensionHazard: 1 - (1 - risk) ** (1 / 36),
        odrPerDay: odrLevelMean * Math.sqrt(product(d, SUSPENSION_MULTIPLIER)),
        academic: academicRisk(rng, d, absence, school.code),
        courseShifts: [0, 0, 0, 0].map(() => normal(rng) * ACADEMIC.courseSpread) as [
          number,
          number,
          number,
          number,
        ],
      }
    })
    return { school, year, students }
  })
}
