import { describe, expect, it } from 'vitest'
import { schoolYearStartFieldProblem, toSchoolYearStart } from './SchoolYearStartInput'

describe('the school-year start fields', () => {
  it('compose MM-DD from a month and a day', () => {
    expect(toSchoolYearStart('07', 1)).toBe('07-01')
    expect(toSchoolYearStart('08', '15')).toBe('08-15')
  })

  it('say in words what is wrong with a month and day', () => {
    expect(schoolYearStartFieldProblem('07', 1)).toBeNull()
    expect(schoolYearStartFieldProblem('02', 30)).toBe('February has no day 30.')
    expect(schoolYearStartFieldProblem('04', 31)).toBe('April has no day 31.')
    expect(schoolYearStartFieldProblem('02', 29)).toBe(
      'February 29 is not in every year; choose another day.',
    )
    expect(schoolYearStartFieldProblem('07', '')).toBe('Enter a day from 1 to 31.')
    expect(schoolYearStartFieldProblem('07', 1.5)).toBe('Enter a day from 1 to 31.')
  })
})
