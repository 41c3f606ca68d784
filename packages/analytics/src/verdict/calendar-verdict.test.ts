// The calendar-aware verdict (ADR 014): comparisons, seasonality, re-baselining, evidence, wording.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { seededRandom as random } from '../series/simulate-counts.ts'
import {
  type ComparisonSeries,
  type CycleVerdictInput,
  cycleVerdict,
  type MeasureDefinition,
  type Observation,
} from './cycle-verdict.ts'
import { expectedValuesInWindow, perPeriodChanges, sameWeekLastYear } from './school-calendar.ts'

/** Integer noise in −3..3 (a rough bell). */
const noise = (next: () => number) => Math.round((next() + next() + next() - 1.5) * 2)

/** 156 Mondays from 2023-07-03: three school years of 52 weeks (school year starts 07-01). */
const WEEKS = Array.from({ length: 156 }, (_, i) =>
  new Date(Date.UTC(2023, 6, 3 + 7 * i)).toISOString().slice(0, 10),
)
const week = (i: number) => WEEKS[i] as string
const endOfWeek = (i: number) =>
  new Date(Date.parse(`${week(i)}T00:00:00Z`) + 4 * 86_400_000).toISOString().slice(0, 10)

const I_MEASURE: MeasureDefinition = { chartType: 'i', higherIsBetter: true, cadence: 'weekly' }

const observations = (values: readonly number[]): Observation[] =>
  values.map((value, i) => ({ period: week(i), value }))

function noisySeries(seed: number, level = 50): number[] {
  const next = random(seed)
  return WEEKS.map(() => level + noise(next))
}

function judge(input: Partial<CycleVerdictInput> & { values: number[]; start: number; weeks?: number }) {
  const { values, start, weeks = 8, ...rest } = input
  const outcome = cycleVerdict({
    measure: I_MEASURE,
    observations: observations(values),
    cycle: { start: week(start), end: endOfWeek(start + weeks - 1) },
    isFinal: true,
    ...rest,
  })
  if (!outcome.ok) throw new Error(outcome.issues.join('; '))
  return outcome
}

const comparisonOf = (seriesList: number[][]): ComparisonSeries[] =>
  seriesList.map((values, k) => ({ id: `school-${k}`, observations: observations(values) }))

describe('calendar-aware cycleVerdict', () => {
  it('uses comparison schools when at least 3 exist, and names them in plain words', () => {
    const comparison = comparisonOf([1, 2, 3, 4].map((seed) => noisySeries(seed)))
    const result = judge({ values: noisySeries(9), start: 120, comparison })
    expect(result.method).toMatchObject({ kind: 'comparison_schools', phaseStart: null })
    expect(result.method.description).toMatch(/^compared with 4 schools that ran no cycle on this measure/)
  })

  it('falls back to the same weeks of last school year, then to this school year with a caveat', () => {
    const lastYear = judge({ values: noisySeries(9), start: 120, comparison: comparisonOf([noisySeries(1)]) })
    expect(lastYear.method.kind).toBe('same_weeks_last_year')
    expect(lastYear.method.description).toMatch(/^compared with the same weeks of last school year/)
    const firstYear = judge({ values: noisySeries(9), start: 30 })
    expect(firstYear.method.kind).toBe('school_year_baseline')
    expect(firstYear.method.description).toMatch(/seasonal changes can look like a signal/)
  })

  it('sees a step inside the window against comparison schools', () => {
    const values = noisySeries(9).map((v, i) => (i >= 120 && i < 128 ? v + 8 : v))
    const comparison = comparisonOf([1, 2, 3, 4].map((seed) => noisySeries(seed)))
    const result = judge({ values, start: 120, comparison })
    expect(result.verdict).toBe('improved')
    expect(result.reasons.every((reason) => reason.direction === 'better')).toBe(true)
  })

  it('does not credit a cycle with a district-wide seasonal rise that comparison schools share', () => {
    const season = (i: number) => (i % 52 >= 20 && i % 52 < 34 ? 10 : 0)
    const focal = noisySeries(9).map((v, i) => v + season(i))
    const comparison = comparisonOf(
      [1, 2, 3, 4].map((seed) => noisySeries(seed).map((v, i) => v + season(i))),
    )
    expect(judge({ values: focal, start: 124, comparison }).verdict).toBe('no_signal')
    // the verdict before ADR 014 calls the same season an improvement
    expect(judge({ values: focal, start: 124, comparison, method: 'frozen_baseline' }).verdict).toBe(
      'improved',
    )
  })

  it('a final cycle with too few values says so, without asking for more weeks', () => {
    const comparison = comparisonOf([1, 2, 3, 4].map((seed) => noisySeries(seed)))
    const values = noisySeries(9).slice(0, 123)
    const final = judge({ values, start: 120, comparison })
    expect(final.verdict).toBe('not_enough_data')
    expect(final.message).toMatch(
      /^The cycle ended with 3 of the 6 weekly values needed; too little data to judge/,
    )
    expect(final.pointsNeeded).toBeUndefined()
    const running = judge({ values, start: 120, comparison, isFinal: false })
    expect(running.message).toMatch(/3 more/)
    expect(running.pointsNeeded).toEqual({ baseline: 0, evaluation: 3 })
  })

  describe('re-baselining after an adopted change', () => {
    // one school year (from 2023-07-03): level 50 until week 20, 60 from week 20 on (the adopted change)
    const next = random(5)
    const values = WEEKS.slice(0, 48).map((_, i) => (i < 20 ? 50 : 60) + (next() < 0.5 ? 0 : 1))
    const prior = { start: week(20), end: endOfWeek(25), decision: 'adopt' as const }

    it('without the earlier cycle, the later one is credited with its gain', () => {
      expect(judge({ values, start: 28 }).verdict).toBe('improved')
    })

    it('with the adopted earlier cycle, the later one is judged against the new level only', () => {
      const short = judge({ values, start: 28, priorCycles: [prior] })
      expect(short.verdict).toBe('not_enough_data')
      expect(short.method.phaseStart).toBe(week(20))
      expect(short.message).toMatch(/since the adopted change of/)
      const later = judge({ values, start: 32, priorCycles: [prior] })
      expect(later.verdict).toBe('no_signal')
      expect(later.method.phaseStart).toBe(week(20))
      expect(later.baseline.n).toBe(12)
    })

    it('an earlier cycle that was not adopted, or whose gain did not hold, starts no phase', () => {
      expect(
        judge({ values, start: 28, priorCycles: [{ ...prior, decision: 'adapt' }] }).method.phaseStart,
      ).toBeNull()
      const faded = values.map((v, i) => (i >= 26 ? v - 10 : v))
      expect(judge({ values: faded, start: 40, priorCycles: [prior] }).method.phaseStart).toBeNull()
    })
  })
})

describe('calendar-aware cycleVerdict on proportions', () => {
  const P_MEASURE: MeasureDefinition = {
    chartType: 'p',
    higherIsBetter: false,
    multiplier: 100,
    cadence: 'weekly',
    schoolYearStart: '07-01',
  }
  /** Binomial-ish counts: n × p plus integer noise of a few students (or `spread` × that). */
  function proportionSeries(seed: number, n: number, p: (i: number) => number, spread = 1): Observation[] {
    const next = random(seed)
    return WEEKS.map((period, i) => {
      const sd = Math.sqrt(n * p(i) * (1 - p(i)))
      const y = Math.round(n * p(i) + spread * sd * (next() + next() + next() - 1.5) * 2)
      return { period, numerator: Math.min(n, Math.max(0, y)), denominator: n }
    })
  }

  it('says which limits it used: Laney when the baseline varies more than binomial, else Shewhart', () => {
    const flat = () => 0.2
    const comparison = [1, 2, 3].map((seed) => ({ observations: proportionSeries(seed, 2000, flat) }))
    const judgeWith = (spread: number) => {
      const outcome = cycleVerdict({
        measure: P_MEASURE,
        observations: proportionSeries(7, 500, flat, spread),
        comparison,
        cycle: { start: week(120), end: endOfWeek(127) },
      })
      if (!outcome.ok) throw new Error(outcome.issues.join())
      return outcome.method.limits
    }
    expect(judgeWith(1)).toBe('shewhart')
    expect(judgeWith(4)).toBe('laney')
  })

  it('a year-to-date rate low early in the school year is not an improvement', () => {
    // suspended so far: about 0.1 % of students more every week, restarting each July
    const toDate = (seed: number, n: number) => {
      const next = random(seed)
      let count = 0
      return WEEKS.map((period, i) => {
        if (i % 52 === 0) count = 0
        if (next() < 0.0012 * n) count += 1 + (next() < 0.2 ? 1 : 0)
        return { period, numerator: count, denominator: n }
      })
    }
    const measure = { ...P_MEASURE, accumulation: 'to_date' as const }
    const input = {
      measure,
      observations: toDate(11, 600),
      comparison: [1, 2, 3, 4].map((seed) => ({ observations: toDate(seed, 600) })),
      cycle: { start: week(106), end: endOfWeek(113) },
      isFinal: true,
    }
    const now = cycleVerdict(input)
    const before = cycleVerdict({ ...input, method: 'frozen_baseline' })
    expect(now.ok && now.verdict).toBe('no_signal')
    // the verdict before ADR 014 credits the cycle with the calendar (the issue's August starts)
    expect(before.ok && before.verdict).toBe('improved')
  })

  it('a to-date status judged by its sum: a sustained fall of the level shows in the summed changes', () => {
    // chronically absent so far: a level of about 15 % of 600 students, counted afresh every week
    // (students enter and leave the status), so the weekly net changes alternate around zero
    const status = (seed: number, drop = 0) => {
      const next = random(seed)
      return WEEKS.map((period, i) => {
        const fall = i >= 110 && i <= 117 ? Math.round((drop * (i - 109)) / 8) : i > 117 ? drop : 0
        return { period, numerator: 90 + noise(next) * 2 - fall, denominator: 600 }
      })
    }
    const input = {
      measure: { ...P_MEASURE, accumulation: 'to_date' as const },
      comparison: [1, 2, 3, 4].map((seed) => ({ observations: status(seed) })),
      cycle: { start: week(110), end: endOfWeek(117) },
      isFinal: true,
    }
    const plain = cycleVerdict({ ...input, observations: status(21) })
    const fallen = cycleVerdict({ ...input, observations: status(21, 12) })
    if (!plain.ok || !fallen.ok) throw new Error('invalid input')
    expect(plain.verdict).toBe('no_signal')
    expect(fallen.verdict).toBe('improved')
    expect(fallen.reasons.map((reason) => reason.rule)).toEqual(['cumulative_shift'])
  })

  it('rare events: single new events in a small group are not values beyond the limits', () => {
    // 30 students, a new suspension every few months; the cycle has two weeks with one each
    const observations = WEEKS.slice(0, 140).map((period, i) => {
      const count = (i >= 20 ? 1 : 0) + (i >= 70 ? 1 : 0) + (i >= 122 ? 1 : 0) + (i >= 126 ? 1 : 0)
      return { period, numerator: i >= 104 ? count - 2 : count, denominator: 30 }
    })
    const comparison = [1, 2, 3].map(() => ({
      observations: WEEKS.slice(0, 140).map((period) => ({ period, numerator: 0, denominator: 30 })),
    }))
    const result = cycleVerdict({
      measure: { ...P_MEASURE, accumulation: 'to_date' },
      observations,
      comparison,
      cycle: { start: week(120), end: endOfWeek(127) },
      isFinal: true,
    })
    if (!result.ok) throw new Error(result.issues.join())
    expect(result.verdict).toBe('no_signal')
    expect(result.reasons).toEqual([])
  })
})

describe('calendar-aware cycleVerdict properties', () => {
  const comparison = comparisonOf([1, 2, 3, 4].map((seed) => noisySeries(seed)))
  const pattern = fc.array(fc.integer({ min: -15, max: 15 }), { minLength: 52, maxLength: 52 })

  it('adding the same seasonal pattern at every school changes no verdict', () => {
    fc.assert(
      fc.property(
        pattern,
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 60, max: 140 }),
        (season, seed, start) => {
          const focal = noisySeries(seed)
          const plain = judge({ values: focal, start, comparison })
          const seasonal = judge({
            values: focal.map((v, i) => v + (season[i % 52] as number)),
            start,
            comparison: comparison.map((other) => ({
              ...other,
              observations: other.observations.map((o, i) => ({
                ...o,
                value: (o.value as number) + (season[i % 52] as number),
              })),
            })),
          })
          expect(seasonal.verdict).toBe(plain.verdict)
          expect(seasonal.method.kind).toBe('comparison_schools')
        },
      ),
      { numRuns: 60 },
    )
  })

  it('adding the same pattern to every school year changes no verdict (same weeks of last year)', () => {
    fc.assert(
      fc.property(
        pattern,
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 70, max: 140 }),
        (season, seed, start) => {
          const focal = noisySeries(seed)
          const plain = judge({ values: focal, start })
          const seasonal = judge({ values: focal.map((v, i) => v + (season[i % 52] as number)), start })
          expect(plain.method.kind).toBe('same_weeks_last_year')
          expect(seasonal.verdict).toBe(plain.verdict)
        },
      ),
      { numRuns: 60 },
    )
  })

  it('reversing higherIsBetter swaps improved and worsened', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 60, max: 140 }),
        fc.integer({ min: -8, max: 8 }),
        (seed, start, step) => {
          const values = noisySeries(seed).map((v, i) => (i >= start ? v + step : v))
          const higher = judge({ values, start, comparison })
          const lower = judge({ values, start, comparison, measure: { ...I_MEASURE, higherIsBetter: false } })
          const swapped: Record<string, string> = { improved: 'worsened', worsened: 'improved' }
          expect(lower.verdict).toBe(swapped[higher.verdict] ?? higher.verdict)
        },
      ),
      { numRuns: 80 },
    )
  })

  it('series with no effect get a verdict in at most about 10 % of 8-week windows', () => {
    let windows = 0
    let verdicts = 0
    for (let seed = 100; seed < 160; seed++) {
      const values = noisySeries(seed)
      for (let start = 60; start < 140; start += 9) {
        const result = judge({ values, start, comparison })
        windows++
        if (result.verdict === 'improved' || result.verdict === 'worsened') verdicts++
      }
    }
    expect(verdicts / windows).toBeLessThan(0.1)
  })
})

describe('school calendar helpers', () => {
  it('derives per-period changes of a to-date series, restarting each school year', () => {
    const changes = perPeriodChanges(
      Float64Array.from([0.01, 0.03, Number.NaN, 0.06, 0.02, 0.05]),
      Int32Array.from([1, 1, 1, 1, 2, 2]),
    )
    expect(Array.from(changes).map((v) => Math.round(v * 1000) / 1000)).toEqual([
      0.01,
      0.02,
      Number.NaN,
      0.03,
      0.02,
      0.03,
    ])
  })

  it('pairs each week with the same week 52 weeks earlier', () => {
    const days = Int32Array.from([0, 7, 364, 370, 380])
    expect(Array.from(sameWeekLastYear(days))).toEqual([-1, -1, 0, 1, -1])
  })

  it('tells at planning time whether a cadence can fill a cycle window', () => {
    expect(expectedValuesInWindow({ cadence: 'weekly', start: '2025-09-01', end: '2025-10-10' })).toEqual({
      expected: 6,
      needed: 6,
      minimumForAnySignal: 2,
      canFill: true,
    })
    expect(
      expectedValuesInWindow({ cadence: 'weekly', start: '2025-09-01', end: '2025-09-19' })?.canFill,
    ).toBe(false)
    expect(
      expectedValuesInWindow({ cadence: 'term', start: '2025-09-01', end: '2025-10-10' })?.expected,
    ).toBe(0)
    expect(
      expectedValuesInWindow({ cadence: 'daily', start: '2025-09-01', end: '2025-09-07' })?.expected,
    ).toBe(5)
    expect(expectedValuesInWindow({ cadence: 'annual', start: '2025-09-01', end: '2025-08-01' })).toBeNull()
  })
})
