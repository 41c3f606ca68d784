import { describe, expect, it } from 'vitest'
import { YEAR_KEYS } from './calendar.ts'
import { DEFAULT_SEED } from './config.ts'
import { PROGRAM_CODES, RACE_CODES, SCHOOLS } from './schools.ts'
import { buildRosters } from './students.ts'

describe('the school table', () => {
  it('race counts add up to each school’s enrollment, and the district to 9,400', () => {
    for (const school of SCHOOLS) {
      const races = RACE_CODES.reduce((n, r) => n + school.races[r], 0)
      expect(races, school.code).toBe(school.enrollment)
    }
    expect(SCHOOLS.reduce((n, s) => n + s.enrollment, 0)).toBe(9_400)
  })
})

describe('buildRosters', () => {
  it('draws membership flags so every school’s group counts match the doc table, every year', () => {
    for (const year of YEAR_KEYS) {
      for (const roster of buildRosters(DEFAULT_SEED, year, 180)) {
        const { school, students } = roster
        expect(students).toHaveLength(school.enrollment)
        for (const race of RACE_CODES) {
          expect(students.filter((s) => s.race === race).length, `${school.code} ${race}`).toBe(
            school.races[race],
          )
        }
        for (const program of PROGRAM_CODES) {
          expect(students.filter((s) => s.programs[program]).length, `${school.code} ${program}`).toBe(
            school.programs[program],
          )
        }
      }
    }
  })

  it('keeps small groups small: foster youth 1–13 per school, AI/AN and NH/PI at most 6', () => {
    for (const roster of buildRosters(DEFAULT_SEED, 'Y2', 180)) {
      const count = (pred: (s: (typeof roster.students)[number]) => boolean) =>
        roster.students.filter(pred).length
      expect(count((s) => s.programs.FOS)).toBeGreaterThanOrEqual(1)
      expect(count((s) => s.programs.FOS)).toBeLessThanOrEqual(13)
      expect(count((s) => s.race === 'AI')).toBeLessThanOrEqual(6)
      expect(count((s) => s.race === 'PI')).toBeLessThanOrEqual(6)
    }
  })

  it('correlates flags as in real data: homeless and foster youth are socioeconomically disadvantaged', () => {
    const students = buildRosters(DEFAULT_SEED, 'Y1', 180).flatMap((r) => r.students)
    const homeless = students.filter((s) => s.programs.HOM)
    expect(homeless.filter((s) => s.programs.SED).length / homeless.length).toBeGreaterThan(0.9)
    const el = students.filter((s) => s.programs.EL)
    expect(
      el.filter((s) => s.race === 'HI' || s.race === 'AS' || s.race === 'FI').length / el.length,
    ).toBeGreaterThan(0.85)
  })

  it('gives about 8% of students a mid-year entry or exit', () => {
    const students = buildRosters(DEFAULT_SEED, 'Y2', 180).flatMap((r) => r.students)
    const mobile = students.filter((s) => s.entryDay > 0 || s.exitDay < 180).length / students.length
    expect(mobile).toBeGreaterThan(0.06)
    expect(mobile).toBeLessThan(0.1)
  })
})
