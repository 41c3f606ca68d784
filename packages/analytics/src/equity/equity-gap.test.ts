import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type EquityGapInput, type EquityGapPeriod, equityGap } from './equity-gap.ts'

const PERIODS = Array.from({ length: 24 }, (_, i) =>
  new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 10),
)
const WINDOW = { start: PERIODS[10] as string, end: PERIODS[23] as string }

/** Periods with the focal group's and all students' counts (numerator of n). */
function periodsFrom(focal: [number, number][], all: [number, number][]): EquityGapPeriod[] {
  return focal.map(([numerator, denominator], i) => ({
    period: PERIODS[i] as string,
    focal: { numerator, denominator },
    allStudents: { numerator: (all[i] as [number, number])[0], denominator: (all[i] as [number, number])[1] },
  }))
}

describe('equityGap', () => {
  it('derives "all other students" from counts: (N_out − n_f,out) / (N − N_f)', () => {
    // focal 30 of 100, all 200 of 500 → others (200 − 30) / (500 − 100) = .425; gap .30 − .425 = −.125
    const result = equityGap({
      measure: { higherIsBetter: true, multiplier: 100 },
      reference: 'all_other_students',
      periods: periodsFrom([[30, 100]], [[200, 500]]),
      window: WINDOW,
    })
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.gapSeries[0]).toMatchObject({ focal: 30, reference: 42.5, difference: -12.5 })
    expect(result.gapSeries[0]?.riskRatio).toBeCloseTo(0.3 / 0.425, 15)
    expect(result.verdict).toBe('not_enough_data')
  })

  it('narrowed: the focal group catches up on a higher-is-better measure', () => {
    // baseline: focal 60%, others 80% → gap −20 points; evaluation: focal 72%, gap about −8
    const focal = Array.from({ length: 20 }, (_, i): [number, number] => [
      i < 10 ? 60 + (i % 3) : 72 + (i % 2),
      100,
    ])
    const all = focal.map(([n]): [number, number] => [n + 400 + (n % 2), 600])
    const result = equityGap({
      measure: { higherIsBetter: true },
      reference: 'all_other_students',
      periods: periodsFrom(focal, all),
      window: WINDOW,
    })
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.verdict).toBe('narrowed')
    expect(result.message).toMatch(/^The gap narrowed/)
    expect(result.reasons.every((reason) => reason.direction === 'better')).toBe(true)
  })

  it('narrowed: suspension risk falls for the focal group (lower is better), by risk ratio too', () => {
    const focal = Array.from({ length: 20 }, (_, i): [number, number] => [
      i < 10 ? 12 + (i % 3) : 6 + (i % 2),
      100,
    ])
    const all = focal.map(([n]): [number, number] => [n + 25 + (n % 2), 600])
    for (const metric of ['difference', 'risk_ratio'] as const) {
      const result = equityGap({
        measure: { higherIsBetter: false },
        reference: 'all_other_students',
        periods: periodsFrom(focal, all),
        window: WINDOW,
        metric,
      })
      expect(result.ok && result.verdict).toBe('narrowed')
    }
  })

  it('suppressed or small cells give null gap points', () => {
    const periods: EquityGapPeriod[] = [
      {
        period: PERIODS[0] as string,
        focal: { numerator: 3, denominator: 8 },
        allStudents: { numerator: 50, denominator: 100 },
      },
      {
        period: PERIODS[1] as string,
        focal: { numerator: 30, denominator: 80, isSuppressed: true },
        allStudents: { numerator: 50, denominator: 100 },
      },
      // the derived "others" group has 100 − 95 = 5 students: below the minimum cell size
      {
        period: PERIODS[2] as string,
        focal: { numerator: 30, denominator: 95 },
        allStudents: { numerator: 33, denominator: 100 },
      },
      {
        period: PERIODS[3] as string,
        focal: { numerator: 30, denominator: 50 },
        allStudents: { numerator: 50, denominator: 100 },
      },
    ]
    const result = equityGap({
      measure: { higherIsBetter: true },
      reference: 'all_other_students',
      periods,
      window: WINDOW,
    })
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.gapSeries.map((point) => point.difference)).toEqual([null, null, null, 0.6 - 0.4])
  })

  it('named group and all-students references', () => {
    const base = { period: PERIODS[0] as string, focal: { value: 0.5 } }
    const named = equityGap({
      measure: { higherIsBetter: true },
      reference: 'named_group',
      periods: [{ ...base, reference: { value: 0.75 } }],
      window: WINDOW,
    })
    expect(named.ok && named.gapSeries[0]?.difference).toBe(-0.25)
    const all = equityGap({
      measure: { higherIsBetter: true },
      reference: 'all_students',
      periods: [{ ...base, allStudents: { value: 0.625 } }],
      window: WINDOW,
    })
    expect(all.ok && all.gapSeries[0]?.difference).toBe(-0.125)
  })

  it('rejects inconsistent input', () => {
    const missingReference = equityGap({
      measure: { higherIsBetter: true },
      reference: 'named_group',
      periods: [{ period: PERIODS[0] as string, focal: { value: 1 } }],
      window: WINDOW,
    })
    expect(missingReference.ok).toBe(false)
    const riskRatioForHigherIsBetter = equityGap({
      measure: { higherIsBetter: true },
      reference: 'named_group',
      periods: [],
      window: WINDOW,
      metric: 'risk_ratio',
    })
    expect(riskRatioForHigherIsBetter.ok).toBe(false)
  })

  it('reversing higherIsBetter swaps narrowed and widened', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 10, max: 90 }), { minLength: 1, maxLength: 24 }),
        (focalRates) => {
          const periods = focalRates.map((rate, i) => ({
            period: PERIODS[i] as string,
            focal: { value: rate / 100 },
            reference: { value: 0.5 },
          }))
          const window = {
            start: PERIODS[Math.min(10, focalRates.length - 1)] as string,
            end: PERIODS[23] as string,
          }
          const make = (higherIsBetter: boolean): EquityGapInput => ({
            measure: { higherIsBetter },
            reference: 'named_group',
            periods,
            window,
          })
          const higher = equityGap(make(true))
          const lower = equityGap(make(false))
          if (!higher.ok || !lower.ok) throw new Error('invalid')
          const swapped = { narrowed: 'widened', widened: 'narrowed' } as Record<string, string>
          expect(lower.verdict).toBe(swapped[higher.verdict] ?? higher.verdict)
        },
      ),
    )
  })
})
