import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SchoolYearStartSchema } from './schemas/org.ts'
import {
  formatSchoolYearStart,
  isSchoolYearStart,
  schoolYearLabel,
  schoolYearStartDate,
  schoolYearStartProblem,
} from './school-year.ts'

describe('school-year start', () => {
  it('accepts MM-DD days every year has, and says what is wrong with the others', () => {
    for (const ok of ['07-01', '08-15', '01-01', '12-31', '02-28'])
      expect(isSchoolYearStart(ok), ok).toBe(true)
    expect(schoolYearStartProblem('7-1')).toBe('Use MM-DD, e.g. 07-01 for July 1.')
    expect(schoolYearStartProblem('2026-07-01')).toBe('Use MM-DD, e.g. 07-01 for July 1.')
    expect(schoolYearStartProblem('13-01')).toBe('13-01 is not a day of the calendar.')
    expect(schoolYearStartProblem('04-31')).toBe('04-31 is not a day of the calendar.')
    expect(schoolYearStartProblem('00-10')).toBe('00-10 is not a day of the calendar.')
    expect(schoolYearStartProblem('02-29')).toBe('February 29 is not in every year; choose another day.')
    expect(schoolYearStartProblem('08-15')).toBeNull()
  })

  it('is validated by the settings schema with the same messages (spaces trimmed)', () => {
    expect(SchoolYearStartSchema.parse(' 08-15 ')).toBe('08-15')
    const result = SchoolYearStartSchema.safeParse('02-30')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('02-30 is not a day of the calendar.')
  })

  it('reads as a date', () => {
    expect(formatSchoolYearStart('07-01')).toBe('July 1')
    expect(formatSchoolYearStart('08-15')).toBe('August 15')
    expect(() => formatSchoolYearStart('02-30')).toThrow(RangeError)
  })
})

describe('schoolYearStartDate and schoolYearLabel', () => {
  it('puts a date in the school year that started on or before it', () => {
    expect(schoolYearStartDate('2026-06-30', '07-01')).toBe('2025-07-01')
    expect(schoolYearStartDate('2026-07-01', '07-01')).toBe('2026-07-01')
    expect(schoolYearStartDate('2026-01-15', '08-15')).toBe('2025-08-15')
    expect(schoolYearStartDate('2026-03-01', '01-01')).toBe('2026-01-01')
    expect(schoolYearLabel('2026-01-15', '07-01')).toBe('2025–26')
    expect(schoolYearLabel('2099-09-01', '07-01')).toBe('2099–00')
    expect(schoolYearLabel('2026-03-01', '01-01')).toBe('2026')
  })

  it('is at most a year before the date, never after it (property)', () => {
    const starts = ['01-01', '07-01', '08-15', '09-01', '12-31', '02-28']
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_000 }), fc.constantFrom(...starts), (offset, start) => {
        const date = new Date(Date.UTC(2000, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)
        const first = schoolYearStartDate(date, start)
        expect(first <= date).toBe(true)
        expect(first.slice(5)).toBe(start)
        const nextYear = `${String(Number(first.slice(0, 4)) + 1).padStart(4, '0')}-${start}`
        expect(date < nextYear).toBe(true)
      }),
    )
  })
})
