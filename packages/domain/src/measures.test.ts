import { describe, expect, it } from 'vitest'
import {
  chartTypeProblem,
  defaultMultiplier,
  isAlignedPeriod,
  isoDateOf,
  measureValueProblem,
  observationRowProblems,
  observationValue,
  periodStart,
  recentPeriods,
  shiftPeriod,
} from './measures.ts'

describe('period alignment', () => {
  it('wants Mondays for weekly and the 1st for monthly measures, any date otherwise', () => {
    expect(isAlignedPeriod('weekly', '2026-03-02')).toBe(true) // a Monday
    expect(isAlignedPeriod('weekly', '2026-03-04')).toBe(false)
    expect(isAlignedPeriod('monthly', '2026-03-01')).toBe(true)
    expect(isAlignedPeriod('monthly', '2026-03-02')).toBe(false)
    expect(isAlignedPeriod('daily', '2026-03-04')).toBe(true)
    expect(isAlignedPeriod('term', '2026-01-07')).toBe(true)
  })

  it('finds the start of the period containing a date', () => {
    expect(periodStart('weekly', '2026-03-08')).toBe('2026-03-02') // Sunday → Monday before
    expect(periodStart('weekly', '2026-03-02')).toBe('2026-03-02')
    expect(periodStart('monthly', '2026-03-31')).toBe('2026-03-01')
    expect(periodStart('daily', '2026-03-31')).toBe('2026-03-31')
  })

  it('shifts periods across month and year ends', () => {
    expect(shiftPeriod('weekly', '2025-12-29', 1)).toBe('2026-01-05')
    expect(shiftPeriod('monthly', '2026-01-01', -1)).toBe('2025-12-01')
    expect(shiftPeriod('annual', '2025-07-01', 1)).toBe('2026-07-01')
    expect(shiftPeriod('daily', '2026-03-01', -1)).toBe('2026-02-28')
  })

  it('lists recent periods newest first', () => {
    expect(recentPeriods('weekly', '2026-03-04', 3)).toEqual(['2026-03-02', '2026-02-23', '2026-02-16'])
    expect(recentPeriods('monthly', '2026-03-04', 2)).toEqual(['2026-03-01', '2026-02-01'])
  })

  it('reads today as a UTC calendar date', () => {
    expect(isoDateOf(new Date('2026-03-04T23:30:00Z'))).toBe('2026-03-04')
  })
})

describe('measure defaults', () => {
  it('multiplies percents by 100', () => {
    expect(defaultMultiplier('percent')).toBe(100)
    expect(defaultMultiplier('count')).toBe(1)
  })

  it('matches chart types to units', () => {
    expect(chartTypeProblem('p', 'percent')).toBeNull()
    expect(chartTypeProblem('p', 'score')).toMatch(/percent/)
    expect(chartTypeProblem('u', 'rate')).toBeNull()
    expect(chartTypeProblem('run', 'score')).toBeNull()
    expect(chartTypeProblem('i', 'percent')).toBeNull()
  })
})

describe('observation rows', () => {
  const percent = { unit: 'percent', cadence: 'weekly', chartType: 'p', multiplier: 100 } as const
  const row = (
    over: Partial<{
      period: string
      value: number | null
      numerator: number | null
      denominator: number | null
    }>,
  ) => ({
    period: '2026-03-02',
    value: null,
    numerator: 3,
    denominator: 20,
    ...over,
  })

  it('accepts a sound row and computes its value', () => {
    expect(observationRowProblems(row({}), percent, '2026-03-04')).toEqual([])
    expect(observationValue(row({}), percent)).toBe(15)
    expect(observationValue(row({ numerator: null, denominator: null, value: 12 }), percent)).toBe(12)
  })

  it('names the field of each problem', () => {
    expect(observationRowProblems(row({ numerator: 30 }), percent, '2026-03-04')).toEqual([
      { field: 'numerator', message: 'The numerator (30) is larger than the denominator (20).' },
    ])
    expect(observationRowProblems(row({ period: '2026-03-09' }), percent, '2026-03-04')[0]?.field).toBe(
      'period',
    )
    expect(observationRowProblems(row({ period: '2026-03-03' }), percent, '2026-03-04')[0]?.message).toBe(
      'Weekly periods start on a Monday.',
    )
    expect(
      observationRowProblems(row({ numerator: null, denominator: null, value: 140 }), percent, '2026-03-04'),
    ).toEqual([{ field: 'value', message: 'A percent is between 0 and 100.' }])
  })

  it('refuses figures no measure can take: ±1e308, a fraction of a count, a ratio that overflows', () => {
    const count = { unit: 'count', cadence: 'weekly', chartType: 'c', multiplier: 1 } as const
    const values = (value: number) => row({ numerator: null, denominator: null, value })
    expect(observationRowProblems(values(1e308), count, '2026-03-04')).toEqual([
      { field: 'value', message: 'Must be between -1,000,000,000 and 1,000,000,000.' },
    ])
    expect(observationRowProblems(values(-1e308), percent, '2026-03-04')[0]?.field).toBe('value')
    expect(observationRowProblems(values(2.5), count, '2026-03-04')).toEqual([
      { field: 'value', message: 'A count is a whole number.' },
    ])
    expect(observationRowProblems(values(-1), count, '2026-03-04')).toEqual([
      { field: 'value', message: 'A count cannot be negative.' },
    ])
    const rate = { unit: 'rate', cadence: 'weekly', chartType: 'u', multiplier: 1000 } as const
    expect(
      observationRowProblems(row({ numerator: 1e9, denominator: 1e-9 }), rate, '2026-03-04')[0]?.field,
    ).toBe('denominator')
  })
})

describe('measureValueProblem', () => {
  const percent = { unit: 'percent', multiplier: 100 } as const
  it('keeps percents within 0 and the multiplier, gaps within ± the multiplier', () => {
    expect(measureValueProblem(55, percent)).toBeNull()
    expect(measureValueProblem(101, percent)).toBe('A percent is between 0 and 100.')
    expect(measureValueProblem(-20, percent, 'gap')).toBeNull()
    expect(measureValueProblem(-120, percent, 'gap')).toBe(
      'A gap between two percents is between -100 and 100.',
    )
    expect(measureValueProblem(0.4, { unit: 'percent', multiplier: 1 })).toBeNull()
  })
  it('keeps counts, rates and days non-negative, scores any sign, and everything within ±1e9', () => {
    expect(measureValueProblem(-1, { unit: 'rate', multiplier: 1 })).toBe('A rate cannot be negative.')
    expect(measureValueProblem(-1, { unit: 'score', multiplier: 1 })).toBeNull()
    expect(measureValueProblem(1e308, { unit: 'score', multiplier: 1 })).toMatch(/^Must be between/)
    expect(measureValueProblem(Number.NaN, { unit: 'days', multiplier: 1 })).toMatch(/^Must be between/)
  })
})
