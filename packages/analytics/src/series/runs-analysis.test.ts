import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeSeries } from './analyze-series.ts'
import { analyzeRuns, findShiftsInRange, findTrendsInRange } from './runs-analysis.ts'

const NONE = new Float64Array(0)

function trends(values: number[]) {
  return findTrendsInRange(Float64Array.from(values), 0, values.length)
}

function shifts(values: number[], centre: number) {
  const centreLine = new Float64Array(values.length).fill(centre)
  return findShiftsInRange(Float64Array.from(values), centreLine, 0, values.length)
}

describe('Anhøj runs analysis', () => {
  it('counts runs, crossings and limits', () => {
    // around 0: + + − + − − − → useful 7; runs (++)(−)(+)(−−−): longest 3, crossings 3
    // longestRunMax = round(log2 7) + 3 = round(2.807) + 3 = 6; crossingsMin = qbinom(.05, 6, .5) = 1
    expect(analyzeRuns([1, 2, -1, 3, -2, -2, -5], 0)).toMatchObject({
      nUseful: 7,
      longestRun: 3,
      longestRunMax: 6,
      crossings: 3,
      crossingsMin: 1,
      runsSignal: false,
    })
  })

  it('points on the centre line neither break nor extend a run', () => {
    // + 0 + 0 + → one run of 3 useful points
    expect(analyzeRuns([1, 0, 2, 0, 3], 0)).toMatchObject({ nUseful: 3, longestRun: 3, crossings: 0 })
  })

  it('too few crossings signal', () => {
    // 10 below then 10 above: crossings 1; qbinom(.05, 19, .5) = 6 → 1 < 6
    const values = [...new Array(10).fill(-1), ...new Array(10).fill(1)]
    expect(analyzeRuns(values, 0)).toMatchObject({ crossings: 1, crossingsMin: 6, isCrossingsSignal: true })
  })

  it('no useful points gives nulls and no signal', () => {
    expect(analyzeRuns([0, null, 0], 0)).toMatchObject({ nUseful: 0, longestRun: null, runsSignal: false })
    expect(analyzeRuns(NONE, 0).nUseful).toBe(0)
  })

  it('run-chart runs counts are invariant under strictly increasing transforms', () => {
    // integers and integer-exact transforms, so that medians map exactly
    const transforms: ((x: number) => number)[] = [
      (x) => 2 * x + 7,
      (x) => x ** 3,
      (x) => x + 1000,
      (x) => x ** 3 + 5 * x,
    ]
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null)), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.constantFrom(...transforms),
        (values, transform) => {
          const original = analyzeSeries({ chart: 'run', y: values })
          const transformed = analyzeSeries({
            chart: 'run',
            y: values.map((v) => (v === null ? null : transform(v))),
          })
          if (!original.ok || !transformed.ok) throw new Error('invalid')
          expect(transformed.analysis.phases[0]?.runs).toEqual(original.analysis.phases[0]?.runs)
        },
      ),
    )
  })
})

describe('IHI rules', () => {
  it('shift: six or more on one side; points on the centre line are skipped', () => {
    // indices 2..8 above 0 with a 0 at index 5 → 6 useful points above
    const found = shifts([-1, -1, 1, 2, 3, 0, 4, 5, 6, -2], 0)
    expect(found).toEqual([{ rule: 'shift', direction: 'up', pointIndices: [2, 3, 4, 6, 7, 8] }])
    expect(shifts([-1, 1, 2, 3, 4, 5, -1], 0)).toEqual([])
  })

  it('trend: five points all going up (four increases)', () => {
    expect(trends([5, 1, 2, 3, 4, 5, 4])).toEqual([
      { rule: 'trend', direction: 'up', pointIndices: [1, 2, 3, 4, 5] },
    ])
    expect(trends([1, 2, 3, 4, 3])).toEqual([])
  })

  it('trend: ties neither make nor break a trend', () => {
    // 1 2 2 3 4 4 5: distinct steps 1→2→3→4→5 = 5 counted points; ties listed but not counted
    expect(trends([1, 2, 2, 3, 4, 4, 5])).toEqual([
      { rule: 'trend', direction: 'up', pointIndices: [0, 1, 2, 3, 4, 5, 6] },
    ])
    // 1 1 1 1 1 2 is not a trend (two distinct values)
    expect(trends([1, 1, 1, 1, 1, 2])).toEqual([])
  })

  it('trend: a turning point can end one trend and start the next', () => {
    expect(trends([1, 2, 3, 4, 5, 4, 3, 2, 1])).toEqual([
      { rule: 'trend', direction: 'up', pointIndices: [0, 1, 2, 3, 4] },
      { rule: 'trend', direction: 'down', pointIndices: [4, 5, 6, 7, 8] },
    ])
  })

  it('trend: missing values are skipped', () => {
    expect(trends([1, Number.NaN, 2, 3, Number.NaN, 4, 5])).toEqual([
      { rule: 'trend', direction: 'up', pointIndices: [0, 2, 3, 5, 6] },
    ])
  })

  it('trend: reversing the values turns every up-trend into a down-trend', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 40 }), (values) => {
        const up = trends(values)
        const down = trends(values.map((v) => -v))
        expect(down.map((t) => t.pointIndices)).toEqual(up.map((t) => t.pointIndices))
        expect(down.map((t) => t.direction)).toEqual(up.map((t) => (t.direction === 'up' ? 'down' : 'up')))
      }),
    )
  })
})
