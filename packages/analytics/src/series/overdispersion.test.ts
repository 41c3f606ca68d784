import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeSeries } from './analyze-series.ts'
import {
  criticalOverdispersionRatio,
  laneyChartFor,
  OVERDISPERSION_TEST_LEVEL,
  overdispersion,
} from './overdispersion.ts'
import { OVERDISPERSION_CRITICAL_RATIOS } from './overdispersion-table.ts'
import { betaBinomial, binomial, poisson, seededRandom } from './simulate-counts.ts'

function sizes(random: () => number, weeks: number, from: number, to: number): number[] {
  return Array.from({ length: weeks }, () => from + Math.floor(random() * (to - from + 1)))
}

/** Share of `series` simulated series called over-dispersed. */
function flaggedShare(series: number, draw: () => { y: number[]; n: number[] }, chart: 'p' | 'u' = 'p') {
  let flagged = 0
  for (let s = 0; s < series; s++) if (overdispersion({ chart, ...draw() }).isOverdispersed) flagged++
  return flagged / series
}

describe('laneyChartFor', () => {
  it('maps p to pp and u to up', () => {
    expect(laneyChartFor('p')).toBe('pp')
    expect(laneyChartFor('u')).toBe('up')
  })
})

describe('overdispersion: the ratio', () => {
  it('is the factor by which the pp chart widens the p limits (hand example)', () => {
    // p̄ = 100 / 400 = 0.25, σ = sqrt(0.25 × 0.75 / 100) = 0.0433; z = (−0.15, 0.05, −0.05, 0.15) / σ
    // moving ranges (0.2, 0.1, 0.2) / σ, none screened; σz = (0.5 / 3) / σ / 1.128 = 3.412
    const result = overdispersion({ chart: 'p', y: [10, 30, 20, 40], n: [100, 100, 100, 100] })
    const sigma = Math.sqrt((0.25 * 0.75) / 100)
    expect(result.ratio).toBeCloseTo(0.5 / 3 / sigma / 1.128, 12)
    expect(result).toMatchObject({ pointsUsed: 4, movingRanges: 3 })
  })

  it.each(['p', 'u'] as const)(
    'equals (ucl′ − cl) / (ucl − cl) of the Laney and plain %s charts',
    (chart) => {
      const sample = fc.record({
        length: fc.integer({ min: 3, max: 40 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 }),
      })
      fc.assert(
        fc.property(sample, ({ length, seed }) => {
          const random = seededRandom(seed)
          const n = sizes(random, length, 50, 900)
          const y = n.map((size) =>
            chart === 'p' ? binomial(random, size, 0.3) : poisson(random, size * 0.2),
          )
          const result = overdispersion({ chart, y, n })
          const plain = analyzeSeries({ chart, y, n })
          const laney = analyzeSeries({ chart: laneyChartFor(chart), y, n })
          if (!plain.ok || !laney.ok || result.ratio === null) return false
          // first point whose limits are not clipped at 0 or 1
          const i = n.findIndex((_, k) => {
            const upper = laney.analysis.upperLimit[k] as number
            const lower = laney.analysis.lowerLimit[k] as number
            return upper < (chart === 'p' ? 1 : Number.POSITIVE_INFINITY) && lower > 0
          })
          if (i < 0) return true
          const cl = plain.analysis.centreLine[i] as number
          const factor =
            ((laney.analysis.upperLimit[i] as number) - cl) / ((plain.analysis.upperLimit[i] as number) - cl)
          expect(factor).toBeCloseTo(result.ratio, 10)
          return true
        }),
        { numRuns: 60 },
      )
    },
  )

  it('skips missing points; a missing point breaks the two moving ranges next to it', () => {
    // used: positions 0, 2 and 4 (1 has no y, 3 has n = 0, 5 has no n): no two are consecutive
    const isolated = overdispersion({
      chart: 'p',
      y: [10, null, 30, 20, 40, 25],
      n: [100, 100, 100, 0, 100, null],
    })
    expect(isolated).toMatchObject({ pointsUsed: 3, movingRanges: 0, ratio: null, criticalRatio: null })
    expect(isolated.isOverdispersed).toBe(false)
    // used: 0, 1, 3, 4 → moving ranges 0–1 and 3–4, as the pp chart computes them
    const y = [10, 30, null, 20, 40]
    const n = [100, 100, 100, 100, 100]
    const result = overdispersion({ chart: 'p', y, n })
    expect(result).toMatchObject({ pointsUsed: 4, movingRanges: 2 })
    const laney = analyzeSeries({ chart: 'pp', y, n })
    const plain = analyzeSeries({ chart: 'p', y, n })
    if (!laney.ok || !plain.ok) throw new Error('analysis failed')
    const cl = plain.analysis.centreLine[0] as number
    expect(
      ((laney.analysis.upperLimit[0] as number) - cl) / ((plain.analysis.upperLimit[0] as number) - cl),
    ).toBeCloseTo(result.ratio as number, 12)
  })

  it('uses only the window [start, end)', () => {
    const y = [10, 30, 20, 40, 0, 100]
    const n = [100, 100, 100, 100, 100, 100]
    expect(overdispersion({ chart: 'p', y, n, start: 0, end: 4 }).ratio).toBe(
      overdispersion({ chart: 'p', y: y.slice(0, 4), n: n.slice(0, 4) }).ratio,
    )
    expect(overdispersion({ chart: 'p', y, n, start: 2 }).pointsUsed).toBe(4)
  })

  it('has no ratio when nothing varies (p̄ = 0) and no test with fewer than 2 moving ranges', () => {
    expect(overdispersion({ chart: 'p', y: [0, 0, 0, 0], n: [50, 60, 70, 80] })).toMatchObject({
      ratio: null,
      isOverdispersed: false,
      pointsUsed: 4,
    })
    expect(overdispersion({ chart: 'u', y: [3, 90], n: [100, 100] })).toMatchObject({
      criticalRatio: null,
      isOverdispersed: false,
      movingRanges: 1,
    })
  })

  it('refuses a chart other than p / u and inconsistent lengths or windows', () => {
    expect(() => overdispersion({ chart: 'i' as 'p', y: [1], n: [1] })).toThrow(RangeError)
    expect(() => overdispersion({ chart: 'p', y: [1, 2], n: [3] })).toThrow(RangeError)
    expect(() => overdispersion({ chart: 'p', y: [1], n: [3], end: 2 })).toThrow(RangeError)
  })
})

describe('overdispersion: the decision rule', () => {
  it('critical ratios: the simulated table at its entries, decreasing, continuous past the table', () => {
    for (const [k, q] of OVERDISPERSION_CRITICAL_RATIOS)
      expect(criticalOverdispersionRatio(k)).toBeCloseTo(q, 12)
    let previous = Number.POSITIVE_INFINITY
    for (let k = 2; k <= 3000; k++) {
      const q = criticalOverdispersionRatio(k) as number
      expect(q).toBeLessThan(previous)
      previous = q
    }
    expect(criticalOverdispersionRatio(1000)).toBeCloseTo(criticalOverdispersionRatio(1001) as number, 4)
    expect(criticalOverdispersionRatio(10 ** 8)).toBeCloseTo(0.977, 2) // the screened estimator's mean
    expect(criticalOverdispersionRatio(1)).toBeNull()
  })

  it('binomial data without extra variation: over-dispersed at about the stated 5 % (property)', () => {
    const scenario = fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
      p: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
      weeks: fc.integer({ min: 10, max: 40 }),
      size: fc.integer({ min: 300, max: 1500 }),
    })
    fc.assert(
      fc.property(scenario, ({ seed, p, weeks, size }) => {
        const random = seededRandom(seed)
        const share = flaggedShare(300, () => {
          const n = sizes(random, weeks, size, size + 200)
          return { y: n.map((m) => binomial(random, m, p)), n }
        })
        // 300 series at 5 %: standard error 1.3 %; allow 3.5 standard errors
        return share <= OVERDISPERSION_TEST_LEVEL + 0.045
      }),
      { numRuns: 6 },
    )
  })

  it('binomial data: 5 ± 1.5 % over 2,000 weekly series of 20 points at n ≈ 500', () => {
    const random = seededRandom(11)
    const share = flaggedShare(2000, () => {
      const n = sizes(random, 20, 400, 600)
      return { y: n.map((m) => binomial(random, m, 0.1)), n }
    })
    expect(share).toBeGreaterThan(0.035)
    expect(share).toBeLessThan(0.065)
  })

  it('Poisson data (u) without extra variation: about 5 %', () => {
    const random = seededRandom(12)
    const share = flaggedShare(
      1000,
      () => {
        const n = sizes(random, 20, 400, 600)
        return { y: n.map((m) => poisson(random, m * 0.05)), n }
      },
      'u',
    )
    expect(share).toBeLessThan(0.075)
  })

  it('a sustained step (a real change, not over-dispersion) is rarely called over-dispersed', () => {
    const random = seededRandom(13)
    const share = flaggedShare(1000, () => {
      const n = sizes(random, 20, 400, 600)
      return { y: n.map((m, week) => binomial(random, m, week < 10 ? 0.1 : 0.08)), n }
    })
    expect(share).toBeLessThan(0.1)
  })

  it('beta-binomial data with large denominators: over-dispersed', () => {
    const random = seededRandom(14)
    // rho = 0.02 at n ≈ 500: variance 11 × binomial, sigma_z ≈ 3.3
    const strong = flaggedShare(500, () => {
      const n = sizes(random, 20, 400, 600)
      return { y: n.map((m) => betaBinomial(random, m, 0.1, 0.02)), n }
    })
    expect(strong).toBeGreaterThan(0.98)
    // rho = 0.005: variance 3.5 × binomial, sigma_z ≈ 1.9
    const moderate = flaggedShare(500, () => {
      const n = sizes(random, 20, 400, 600)
      return { y: n.map((m) => betaBinomial(random, m, 0.1, 0.005)), n }
    })
    expect(moderate).toBeGreaterThan(0.8)
  })
})
