import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CHART_TYPES } from '../chart-types.ts'
import { type CycleVerdictInput, cycleVerdict, type Observation } from './cycle-verdict.ts'
import { parseDay } from './periods.ts'

function monthly(count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 10))
}

const PERIODS = monthly(24)

function input(values: (number | null)[], options: Partial<CycleVerdictInput> & { startAt?: number } = {}) {
  const startAt = options.startAt ?? 10
  return {
    measure: options.measure ?? { higherIsBetter: true, chartType: 'run' },
    observations: values.map((value, i) => ({ period: PERIODS[i] as string, value })),
    cycle: options.cycle ?? { start: PERIODS[startAt] as string, end: PERIODS[values.length - 1] as string },
  } satisfies CycleVerdictInput
}

const BASELINE = [50, 52, 49, 51, 50, 53, 48, 51, 50, 52]

describe('cycleVerdict', () => {
  it('improved: a shift above the baseline median when higher is better', () => {
    // baseline median = 50.5; evaluation 55 56 54 57 55 58 all above → Anhøj crossings 0 < 1
    const result = cycleVerdict(input([...BASELINE, 55, 56, 54, 57, 55, 58]))
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.verdict).toBe('improved')
    expect(result.baseline).toMatchObject({ n: 10, median: 50.5, centreLine: 50.5 })
    expect(result.evaluation).toMatchObject({ n: 6, median: 55.5 })
    expect(result.change.absolute).toBe(5)
    expect(result.change.relative).toBeCloseTo(5 / 50.5, 15)
    const shift = result.reasons.find((reason) => reason.rule === 'anhoej_few_crossings')
    expect(shift).toMatchObject({
      direction: 'better',
      movement: 'up',
      pointIndices: [10, 11, 12, 13, 14, 15],
    })
    expect(result.message).toMatch(/^Improved/)
  })

  it('worsened: the same data when lower is better', () => {
    const result = cycleVerdict(
      input([...BASELINE, 55, 56, 54, 57, 55, 58], { measure: { higherIsBetter: false, chartType: 'run' } }),
    )
    expect(result.ok && result.verdict).toBe('worsened')
  })

  it('no_signal: evaluation values scattered around the baseline median', () => {
    const result = cycleVerdict(input([...BASELINE, 52, 49, 51, 50, 53, 48, 51, 49]))
    expect(result.ok && result.verdict).toBe('no_signal')
    expect(result.ok && result.reasons).toEqual([])
  })

  it('not_enough_data: fewer than 10 baseline values, with how many more are needed', () => {
    const result = cycleVerdict(input([50, 52, 49, 51, 55, 56, 54, 57, 55, 58], { startAt: 4 }))
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.verdict).toBe('not_enough_data')
    expect(result.pointsNeeded).toEqual({ baseline: 6, evaluation: 0 })
    expect(result.message).toMatch(/6 more/)
  })

  it('not_enough_data: a short evaluation without a signal', () => {
    const result = cycleVerdict(input([...BASELINE, 51, 50, 52]))
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.verdict).toBe('not_enough_data')
    expect(result.pointsNeeded).toEqual({ baseline: 0, evaluation: 3 })
    expect(result.message).toMatch(/3 more/)
  })

  it('one value beyond the limits among a few is not enough; two beyond the same limit are', () => {
    // i chart: baseline mean 50.6; its moving ranges give limits about 50.6 ± 6.9
    const measure = { higherIsBetter: true, chartType: 'i' } as const
    const one = cycleVerdict({ ...input([...BASELINE, 75, 51, 50]), measure, isFinal: true })
    if (!one.ok) throw new Error(one.issues.join())
    expect(one.verdict).toBe('not_enough_data')
    expect(one.message).toMatch(/^The cycle ended with 3 of the 6 values needed; too little data to judge/)
    expect(one.message).not.toMatch(/more/)
    expect(one.pointsNeeded).toBeUndefined()
    const two = cycleVerdict({ ...input([...BASELINE, 75, 76, 50]), measure })
    if (!two.ok) throw new Error(two.issues.join())
    expect(two.verdict).toBe('improved')
    expect(two.reasons).toEqual([
      expect.objectContaining({
        rule: 'outside_control_limits',
        direction: 'better',
        pointIndices: [10, 11],
      }),
    ])
  })

  it('the frozen_baseline method keeps the verdict before ADR 014 (one value beyond the limits decides)', () => {
    const result = cycleVerdict({
      ...input([...BASELINE, 75], { measure: { higherIsBetter: true, chartType: 'i' } }),
      method: 'frozen_baseline',
    })
    expect(result.ok && result.verdict).toBe('improved')
    expect(result.ok && result.method.kind).toBe('frozen_baseline')
  })

  it('uses numerator / denominator for p charts and reports indices of the input order', () => {
    const shuffled: Observation[] = [...BASELINE, 60, 61, 62, 60, 63, 61].map((v, i) => ({
      period: PERIODS[i] as string,
      numerator: v,
      denominator: 100,
    }))
    shuffled.reverse()
    const result = cycleVerdict({
      measure: { higherIsBetter: true, chartType: 'p', multiplier: 100 },
      observations: shuffled,
      cycle: { start: PERIODS[10] as string, end: PERIODS[14] as string, lagDays: 31 },
    })
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.verdict).toBe('improved')
    expect(result.baseline.median).toBe(50.5)
    const shift = result.reasons.find((reason) => reason.rule === 'anhoej_few_crossings')
    // reversed input: period 10 is observations[5], period 15 is observations[0]
    expect(shift?.pointIndices).toEqual([5, 4, 3, 2, 1, 0])
  })

  it('ignores observations after end + lagDays', () => {
    const values = [...BASELINE, 51, 50, 52, 49, 51, 50, 90, 95]
    const result = cycleVerdict({
      ...input(values),
      cycle: { start: PERIODS[10] as string, end: PERIODS[15] as string },
    })
    expect(result.ok && result.evaluation.n).toBe(6)
  })

  it('rejects invalid input', () => {
    const duplicate = cycleVerdict({
      measure: { higherIsBetter: true, chartType: 'run' },
      observations: [
        { period: '2024-01-01', value: 1 },
        { period: '2024-01-01', value: 2 },
      ],
      cycle: { start: '2024-02-01', end: '2024-03-01' },
    })
    expect(duplicate.ok).toBe(false)
    const badDate = cycleVerdict({
      measure: { higherIsBetter: true, chartType: 'run' },
      observations: [{ period: '2024-02-31', value: 1 }],
      cycle: { start: '2024-02-01', end: '2024-01-01' },
    })
    expect(badDate.ok ? [] : badDate.issues).toHaveLength(2)
    const pWithoutDenominator = cycleVerdict({
      measure: { higherIsBetter: true, chartType: 'p' },
      observations: [{ period: '2024-01-01', value: 0.5 }],
      cycle: { start: '2024-02-01', end: '2024-03-01' },
    })
    expect(pWithoutDenominator.ok).toBe(false)
  })

  it('parses ISO dates and date-times to day numbers', () => {
    expect(parseDay('1970-01-02')).toBe(1)
    expect(parseDay('1970-01-02T23:00:00Z')).toBe(1)
    expect(parseDay('2024-13-01')).toBeNull()
    expect(parseDay('soon')).toBeNull()
  })
})

describe('cycleVerdict properties', () => {
  const valuesArbitrary = fc.array(
    fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 20 }) }, fc.constant(null)),
    {
      minLength: 1,
      maxLength: 24,
    },
  )
  const chartArbitrary = fc.constantFrom(
    ...CHART_TYPES.filter((chart) => !['p', 'pp', 'u', 'up', 't'].includes(chart)),
  )

  it('reversing higherIsBetter swaps improved and worsened and nothing else', () => {
    fc.assert(
      fc.property(
        valuesArbitrary,
        fc.integer({ min: 0, max: 23 }),
        chartArbitrary,
        (values, startAt, chartType) => {
          const start = Math.min(startAt, values.length - 1)
          const cycle = { start: PERIODS[start] as string, end: PERIODS[values.length - 1] as string }
          const higher = cycleVerdict({
            ...input(values),
            measure: { higherIsBetter: true, chartType },
            cycle,
          })
          const lower = cycleVerdict({
            ...input(values),
            measure: { higherIsBetter: false, chartType },
            cycle,
          })
          if (!higher.ok || !lower.ok) throw new Error('invalid')
          const swapped = { improved: 'worsened', worsened: 'improved' } as Record<string, string>
          expect(lower.verdict).toBe(swapped[higher.verdict] ?? higher.verdict)
          expect(lower.reasons.map((r) => [r.rule, r.movement, r.pointIndices])).toEqual(
            higher.reasons.map((r) => [r.rule, r.movement, r.pointIndices]),
          )
          expect(lower.reasons.map((r) => r.direction)).toEqual(
            higher.reasons.map((r) => (r.direction === 'better' ? 'worse' : 'better')),
          )
        },
      ),
    )
  })

  it('never says improved without a signal in the better direction', () => {
    fc.assert(
      fc.property(
        valuesArbitrary,
        fc.integer({ min: 0, max: 23 }),
        fc.boolean(),
        chartArbitrary,
        (values, startAt, higherIsBetter, chartType) => {
          const start = Math.min(startAt, values.length - 1)
          const cycle = { start: PERIODS[start] as string, end: PERIODS[values.length - 1] as string }
          const result = cycleVerdict({ ...input(values), measure: { higherIsBetter, chartType }, cycle })
          if (!result.ok) throw new Error('invalid')
          const directions = new Set(result.reasons.map((reason) => reason.direction))
          if (result.verdict === 'improved') expect(directions.has('better')).toBe(true)
          if (result.verdict === 'worsened') expect(directions.has('worse')).toBe(true)
          // no_signal with reasons only when they conflict; not_enough_data never has reasons
          if (result.verdict === 'no_signal')
            expect(directions.size === 0 || directions.size === 2).toBe(true)
          if (result.verdict === 'not_enough_data') expect(result.reasons).toEqual([])
        },
      ),
    )
  })
})
