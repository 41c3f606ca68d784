// Hand-computed cases from qicharts2's formulas (helper.functions.R); the arithmetic is in comments.
import { describe, expect, it } from 'vitest'
import {
  analyzeSeries,
  type SeriesAnalysis,
  type SeriesInput,
  seriesAnalysisPoints,
} from './analyze-series.ts'

function analyze(input: SeriesInput): SeriesAnalysis {
  const outcome = analyzeSeries(input)
  if (!outcome.ok) throw new Error(outcome.issues.map((issue) => issue.message).join('; '))
  return outcome.analysis
}

const at = (values: Float64Array, index: number) => values[index] as number

describe('run chart', () => {
  it('centre line is the median; points on it are not useful', () => {
    // y = 1 3 2 5 4 6 2; sorted 1 2 2 3 4 5 6 → median 3
    // sides vs 3: − 0 − + + + − → useful 6: (− −)(+ + +)(−) → 3 runs, longest 3, crossings 2
    // longestRunMax = round(log2 6) + 3 = round(2.585) + 3 = 6
    // crossingsMin = qbinom(.05, 5, .5): P(X≤0) = 1/32 = .031 < .05 ≤ P(X≤1) = 6/32 → 1
    const analysis = analyze({ chart: 'run', y: [1, 3, 2, 5, 4, 6, 2] })
    expect(at(analysis.centreLine, 0)).toBe(3)
    expect(Number.isNaN(at(analysis.lowerLimit, 0))).toBe(true)
    expect(analysis.phases[0]?.runs).toEqual({
      nUseful: 6,
      longestRun: 3,
      longestRunMax: 6,
      crossings: 2,
      crossingsMin: 1,
      isLongestRunSignal: false,
      isCrossingsSignal: false,
      runsSignal: false,
    })
  })

  it('even count: median is the mean of the two middle values', () => {
    // y = 4 1 3 2 → sorted 1 2 3 4 → (2 + 3) / 2 = 2.5
    expect(at(analyze({ chart: 'run', y: [4, 1, 3, 2] }).centreLine, 0)).toBe(2.5)
  })

  it('freeze: centre line from the first k points, runs over all points', () => {
    // y = 1..9, freeze 3 → cl = median(1, 2, 3) = 2 for every point
    // sides: − 0 + + + + + + + → useful 8, runs (−)(+×7): longest 7, crossings 1
    // longestRunMax = round(log2 8) + 3 = 6 → 7 > 6: signal
    // crossingsMin = qbinom(.05, 7, .5): P(X≤0) = 1/128, P(X≤1) = 8/128 = .0625 → 1; 1 < 1 is false
    const analysis = analyze({ chart: 'run', y: [1, 2, 3, 4, 5, 6, 7, 8, 9], freeze: 3 })
    expect([...analysis.centreLine]).toEqual(new Array(9).fill(2))
    expect(analysis.phases[0]?.runs).toMatchObject({
      nUseful: 8,
      longestRun: 7,
      longestRunMax: 6,
      crossings: 1,
      crossingsMin: 1,
      isLongestRunSignal: true,
      isCrossingsSignal: false,
      runsSignal: true,
    })
  })

  it('a missing value is skipped and no centre line gives no useful points', () => {
    const analysis = analyze({ chart: 'run', y: [null, null] })
    expect(Number.isNaN(at(analysis.centreLine, 0))).toBe(true)
    expect(analysis.phases[0]?.runs.nUseful).toBe(0)
    expect(analysis.phases[0]?.runs.longestRun).toBeNull()
    expect(analysis.phases[0]?.runs.runsSignal).toBe(false)
  })
})

describe('i chart', () => {
  it('limits from the average moving range / 1.128', () => {
    // y = 3 5 4: cl = 4; moving ranges |5−3| = 2, |4−5| = 1 → amr = 1.5
    // screening: 3.267 × 1.5 = 4.9005, nothing removed; sigma = 1.5 / 1.128
    // lcl = 4 − 3 × 1.5 / 1.128 = 0.010638297872340..., ucl = 7.989361702127659...
    const analysis = analyze({ chart: 'i', y: [3, 5, 4] })
    expect(at(analysis.centreLine, 0)).toBe(4)
    expect(at(analysis.lowerLimit, 0)).toBeCloseTo(4 - (3 * 1.5) / 1.128, 12)
    expect(at(analysis.upperLimit, 0)).toBeCloseTo(4 + (3 * 1.5) / 1.128, 12)
  })

  it('screens out moving ranges above 3.267 × their average', () => {
    // y = 1 2 1 2 1 2 1 20: mean = 30 / 8 = 3.75
    // moving ranges 1 1 1 1 1 1 19 → amr = 25 / 7 = 3.571; limit 3.267 × 3.571 = 11.67 → 19 dropped
    // amr = 1 → sigma = 1 / 1.128; ucl = 3.75 + 3 / 1.128 = 6.40957..., lcl = 1.09042...
    const screened = analyze({ chart: 'i', y: [1, 2, 1, 2, 1, 2, 1, 20] })
    expect(at(screened.upperLimit, 0)).toBeCloseTo(3.75 + 3 / 1.128, 12)
    expect(at(screened.lowerLimit, 0)).toBeCloseTo(3.75 - 3 / 1.128, 12)
    expect(screened.sigmaSignal[7]).toBe(1)
    // without screening: sigma = (25 / 7) / 1.128
    const unscreened = analyze({ chart: 'i', y: [1, 2, 1, 2, 1, 2, 1, 20], screenMovingRanges: false })
    expect(at(unscreened.upperLimit, 0)).toBeCloseTo(3.75 + (3 * 25) / 7 / 1.128, 12)
  })

  it('a constant series has no limits (every moving range is 0, none is below 0)', () => {
    // amr = 0 → screening keeps mr < 0: none → mean of nothing = NaN
    const analysis = analyze({ chart: 'i', y: [5, 5, 5, 5] })
    expect(at(analysis.centreLine, 0)).toBe(5)
    expect(Number.isNaN(at(analysis.upperLimit, 0))).toBe(true)
    expect(analysis.phases[0]?.runs.nUseful).toBe(0)
  })

  it('a missing value loses both moving ranges next to it but keeps its limits', () => {
    // y = 1 NA 3 5: cl = mean(1, 3, 5) = 3; ranges |NA−1|, |3−NA| missing, |5−3| = 2 → amr 2
    // ucl = 3 + 3 × 2 / 1.128; the missing point still carries cl and limits (qicharts2)
    const points = seriesAnalysisPoints(analyze({ chart: 'i', y: [1, null, 3, 5] }))
    expect(points[1]).toMatchObject({ value: null, cl: 3, sigmaSignal: false })
    expect(points[1]?.ucl).toBeCloseTo(3 + 6 / 1.128, 12)
  })

  it('the mean is exact: 0.1, 0.2, 0.3 has its middle point on the centre line', () => {
    // R: mean(c(.1, .2, .3)) == .2 (long double); a naive double sum gives 0.20000000000000004
    const analysis = analyze({ chart: 'i', y: [0.1, 0.2, 0.3] })
    expect(at(analysis.centreLine, 0)).toBe(0.2)
    expect(analysis.phases[0]?.runs.nUseful).toBe(2)
  })

  it('part: each phase gets its own centre line and limits', () => {
    // phase 1: 1 2 3 → cl 2, amr 1; phase 2: 10 11 12 → cl 11, amr 1; sigma = 1 / 1.128
    const analysis = analyze({ chart: 'i', y: [1, 2, 3, 10, 11, 12], part: [3] })
    expect([...analysis.phase]).toEqual([1, 1, 1, 2, 2, 2])
    expect(at(analysis.centreLine, 0)).toBe(2)
    expect(at(analysis.centreLine, 3)).toBe(11)
    expect(at(analysis.upperLimit, 3)).toBeCloseTo(11 + 3 / 1.128, 12)
    expect(analysis.phases.map((phase) => [phase.start, phase.end])).toEqual([
      [0, 3],
      [3, 6],
    ])
  })

  it('freeze is ignored when part is given (qicharts2)', () => {
    const withBoth = analyze({ chart: 'i', y: [1, 2, 3, 10, 11, 12], part: [3], freeze: 1 })
    const partOnly = analyze({ chart: 'i', y: [1, 2, 3, 10, 11, 12], part: [3] })
    expect(withBoth.centreLine).toEqual(partOnly.centreLine)
  })
})

describe('p and pp charts', () => {
  it('per-point limits from each denominator, clipped to [0, 1]', () => {
    // y / n = 2/10, 3/20, 5/25; cl = (2 + 3 + 5) / (10 + 20 + 25) = 10 / 55
    // sigma_i = sqrt(cl (1 − cl) / n_i); lcl < 0 → 0
    const analysis = analyze({ chart: 'p', y: [2, 3, 5], n: [10, 20, 25] })
    const cl = 10 / 55
    expect(at(analysis.centreLine, 0)).toBeCloseTo(cl, 15)
    expect(at(analysis.values, 1)).toBe(0.15)
    ;[10, 20, 25].forEach((n, i) => {
      expect(at(analysis.upperLimit, i)).toBeCloseTo(cl + 3 * Math.sqrt((cl * (1 - cl)) / n), 14)
      expect(at(analysis.lowerLimit, i)).toBe(0)
    })
  })

  it('clips the upper limit at 1 before multiplying', () => {
    // y / n = 1/2 1/2: cl = .5, sigma = sqrt(.25 / 2) = .354 → ucl 1.56 → 1 → × 100 = 100
    const analysis = analyze({ chart: 'p', y: [1, 1], n: [2, 2], multiply: 100 })
    expect(at(analysis.upperLimit, 0)).toBe(100)
    expect(at(analysis.lowerLimit, 0)).toBe(0)
    expect(at(analysis.centreLine, 0)).toBe(50)
    expect(at(analysis.values, 0)).toBe(50)
  })

  it('a missing value makes a missing point without limits', () => {
    // point 2 is not a complete case: value NA, its n counts as 0 → sigma Inf → limits removed
    // cl = (1 + 3) / (10 + 10) = .2
    const points = seriesAnalysisPoints(analyze({ chart: 'p', y: [1, null, 3], n: [10, 10, 10] }))
    expect(points[1]).toMatchObject({ value: null, lcl: null, ucl: null, cl: 0.2 })
  })

  it('Laney p′ scales sigma by the moving range of the z-scores', () => {
    // y / n = .1 .3 .2 .4 (n = 100): cl = 100 / 400 = .25, s = sqrt(.25 × .75 / 100)
    // z = (p − .25) / s, so moving ranges of z = |Δp| / s = (.2, .1, .2) / s, amr = (1/6) / s
    // sigma_z = amr / 1.128 and sigma′ = s × sigma_z = (1/6) / 1.128 = .147754...
    // ucl = .25 + 3 × .147754 = .693262, lcl = .25 − .443 < 0 → 0
    const analysis = analyze({ chart: 'pp', y: [10, 30, 20, 40], n: [100, 100, 100, 100] })
    expect(at(analysis.upperLimit, 0)).toBeCloseTo(0.25 + (3 * (1 / 6)) / 1.128, 12)
    expect(at(analysis.lowerLimit, 0)).toBe(0)
  })
})

describe('u, up, c, g, t charts', () => {
  it('u: cl = Σy / Σn, sigma_i = sqrt(cl / n_i), lcl clipped at 0', () => {
    // y / n = 4/2 6/3 2/1 = 2 2 2; cl = 12 / 6 = 2
    // n = 2: ucl = 2 + 3 × 1 = 5; n = 3: 2 + 3 sqrt(2/3); n = 1: 2 + 3 sqrt(2); lcl all < 0 → 0
    const analysis = analyze({ chart: 'u', y: [4, 6, 2], n: [2, 3, 1], multiply: 10 })
    expect(at(analysis.centreLine, 0)).toBe(20)
    expect(at(analysis.upperLimit, 0)).toBeCloseTo(50, 12)
    expect(at(analysis.upperLimit, 1)).toBeCloseTo(10 * (2 + 3 * Math.sqrt(2 / 3)), 12)
    expect(at(analysis.upperLimit, 2)).toBeCloseTo(10 * (2 + 3 * Math.sqrt(2)), 12)
    expect([...analysis.lowerLimit]).toEqual([0, 0, 0])
    // every value equals the centre line: no useful point
    expect(analysis.phases[0]?.runs.nUseful).toBe(0)
  })

  it('up: Laney u′ uses sigma′ = mean |Δ(y/n)| / 1.128 for equal n', () => {
    // y / n = .1 .3 .2 .4, cl = .25: sigma′ = (1/6) / 1.128 as for pp; no upper clip for u′
    const analysis = analyze({ chart: 'up', y: [10, 30, 20, 40], n: [100, 100, 100, 100] })
    expect(at(analysis.upperLimit, 0)).toBeCloseTo(0.25 + (3 * (1 / 6)) / 1.128, 12)
  })

  it('c: cl = mean count, limits cl ± 3 sqrt(cl); excluded points still get a sigma signal', () => {
    // y = 2 4 30 6, point 3 excluded → cl = mean(2, 4, 6) = 4, ucl = 4 + 3 × 2 = 10, lcl = −2 → 0
    const analysis = analyze({ chart: 'c', y: [2, 4, 30, 6], excludedIndices: [2] })
    expect(at(analysis.centreLine, 0)).toBe(4)
    expect(at(analysis.upperLimit, 0)).toBe(10)
    expect(at(analysis.lowerLimit, 0)).toBe(0)
    expect([...analysis.sigmaSignal]).toEqual([0, 0, 1, 0])
    // runs over included points 2 4 6 vs 4: − 0 + → 2 useful
    expect(analysis.phases[0]?.runs.nUseful).toBe(2)
  })

  it('c: with denominators the chart still plots the numerator', () => {
    const analysis = analyze({ chart: 'c', y: [3, 5], n: [10, 20] })
    expect([...analysis.values]).toEqual([3, 5])
  })

  it('g: limits from the mean, centre line at the median', () => {
    // y = 0 2 4 10: mean 4, sigma = sqrt(4 × 5) = sqrt(20); ucl = 4 + 3 sqrt(20); lcl < 0 → 0
    // cl = median = (2 + 4) / 2 = 3
    const analysis = analyze({ chart: 'g', y: [0, 2, 4, 10] })
    expect(at(analysis.centreLine, 0)).toBe(3)
    expect(at(analysis.upperLimit, 0)).toBeCloseTo(4 + 3 * Math.sqrt(20), 12)
    expect(at(analysis.lowerLimit, 0)).toBe(0)
  })

  it('t: i chart on y^(1/3.6), back-transformed; negative or NaN lcl becomes 0', () => {
    // z = y^(1/3.6); cl = mean(z)^3.6; limits (mean(z) ± 3 amr(z) / 1.128)^3.6
    const y = [2, 9, 4, 16]
    const z = y.map((v) => v ** (1 / 3.6))
    const mean = z.reduce((sum, v) => sum + v, 0) / z.length
    const ranges = z.slice(1).map((v, i) => Math.abs(v - (z[i] as number)))
    const amr = ranges.reduce((sum, v) => sum + v, 0) / ranges.length
    const analysis = analyze({ chart: 't', y })
    expect(at(analysis.centreLine, 0)).toBeCloseTo(mean ** 3.6, 10)
    expect(at(analysis.upperLimit, 0)).toBeCloseTo((mean + (3 * amr) / 1.128) ** 3.6, 10)
    const lower = (mean - (3 * amr) / 1.128) ** 3.6
    expect(at(analysis.lowerLimit, 0)).toBeCloseTo(Number.isNaN(lower) ? 0 : lower, 10)
    // values are back-transformed (equal to y up to rounding)
    expect(at(analysis.values, 1)).toBeCloseTo(9, 12)
  })

  it('t: a single point has lcl 0 and no ucl', () => {
    // no moving range → sigma NaN → lcl NaN → 0 (qicharts2), ucl NaN → removed
    const points = seriesAnalysisPoints(analyze({ chart: 't', y: [3] }))
    expect(points[0]).toMatchObject({ lcl: 0, ucl: null, sigmaSignal: false })
  })
})

describe('validation', () => {
  const issuesOf = (input: SeriesInput) => {
    const outcome = analyzeSeries(input)
    return outcome.ok ? [] : outcome.issues.map((issue) => issue.message)
  }

  it('rejects impossible inputs with a message', () => {
    expect(issuesOf({ chart: 'p', y: [5], n: [4] })).toEqual([
      'p-chart numerator 5 is above its denominator 4',
    ])
    expect(issuesOf({ chart: 'p', y: [1] })[0]).toMatch(/needs a denominator/)
    expect(issuesOf({ chart: 'u', y: [1], n: [null] })[0]).toMatch(/needs a denominator/)
    expect(issuesOf({ chart: 'i', y: [1], n: [-2] })[0]).toMatch(/must not be negative/)
    expect(issuesOf({ chart: 'i', y: [1], n: [0] })[0]).toMatch(/denominator is 0/)
    expect(issuesOf({ chart: 't', y: [0] })[0]).toMatch(/greater than zero/)
    expect(issuesOf({ chart: 'c', y: [-1] })[0]).toMatch(/must not be negative/)
    expect(issuesOf({ chart: 'i', y: [1, 2], freeze: 3 })[0]).toMatch(/freeze/)
    expect(issuesOf({ chart: 'i', y: [1, 2], part: [2] })[0]).toMatch(/part/)
    expect(issuesOf({ chart: 'i', y: [1, 2], excludedIndices: [2] })[0]).toMatch(/excluded/)
    expect(issuesOf({ chart: 'i', y: [Number.POSITIVE_INFINITY] })[0]).toMatch(/finite/)
    expect(issuesOf({ chart: 'x' as 'i', y: [1] })[0]).toMatch(/unknown chart type/)
  })

  it('accepts 0 / 0 as a missing point', () => {
    const points = seriesAnalysisPoints(analyze({ chart: 'p', y: [0, 1, 2], n: [0, 10, 10] }))
    expect(points[0]?.value).toBeNull()
    expect(points[0]?.ucl).toBeNull()
    // a t chart does not reject the 0 of a 0 / 0 point: the point is missing (qicharts2 checks values)
    expect(analyzeSeries({ chart: 't', y: [0, 3, 4], n: [0, 1, 2] }).ok).toBe(true)
  })

  it('handles an empty series', () => {
    const analysis = analyze({ chart: 'i', y: [] })
    expect(analysis.length).toBe(0)
    expect(analysis.phases[0]?.runs.nUseful).toBe(0)
  })
})

describe('working arrays', () => {
  it('an analysis is not changed by later analyses (its arrays are its own)', () => {
    const first = analyze({ chart: 'pp', y: [10, 30, 20, 40], n: [100, 100, 100, 100] })
    const snapshot = seriesAnalysisPoints(first)
    analyze({ chart: 'u', y: [5, 1, 9, 2, 7], n: [10, 20, 30, 40, 50] })
    analyze({ chart: 'i', y: [1] })
    expect(seriesAnalysisPoints(first)).toEqual(snapshot)
  })
})
