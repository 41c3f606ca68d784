// Pooling comparison series once per list (poolSeries) and reading the pool at a link's periods
// (poolComparison) gives the sums the per-link walk over every comparison series gave.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type DaySeries, poolComparison, poolSeries } from './contrast.ts'

/** The pooling before poolSeries: every comparison series walked against the focal periods, per link. */
function poolPerLink(focal: DaySeries, comparison: readonly DaySeries[]) {
  const length = focal.days.length
  const y = new Float64Array(length)
  const n = focal.n === undefined ? undefined : new Float64Array(length)
  const present = new Int32Array(length)
  for (const other of comparison) {
    let i = 0
    for (let j = 0; j < other.days.length && i < length; j++) {
      const day = other.days[j] as number
      while (i < length && (focal.days[i] as number) < day) i++
      if (i === length || focal.days[i] !== day) continue
      const yj = other.y[j] as number
      if (!Number.isFinite(yj)) continue
      if (n !== undefined) {
        const nj = other.n?.[j] ?? Number.NaN
        if (!(nj > 0)) continue
        n[i] = (n[i] as number) + nj
      }
      y[i] = (y[i] as number) + yj
      present[i] = (present[i] as number) + 1
    }
  }
  for (let i = 0; i < length; i++) {
    if ((present[i] as number) === 0) {
      y[i] = Number.NaN
      if (n) n[i] = Number.NaN
    } else if (n === undefined) {
      y[i] = (y[i] as number) / (present[i] as number)
    }
  }
  return { series: { days: focal.days, y, n }, present }
}

/** A series on a random subset of 40 weeks, values with gaps (NaN) and, optionally, denominators. */
const series = (withDenominator: boolean) =>
  fc
    .array(
      fc.record({
        week: fc.integer({ min: 0, max: 39 }),
        y: fc.oneof(fc.double({ min: -50, max: 500, noNaN: true }), fc.constant(Number.NaN)),
        n: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.constantFrom(0, -1, Number.NaN)),
      }),
      { maxLength: 40 },
    )
    .map((points): DaySeries => {
      const byWeek = new Map(points.map((p) => [p.week, p]))
      const weeks = [...byWeek.keys()].sort((a, b) => a - b)
      return {
        days: Int32Array.from(weeks, (w) => 19_600 + 7 * w),
        y: Float64Array.from(weeks, (w) => byWeek.get(w)?.y ?? Number.NaN),
        n: withDenominator ? Float64Array.from(weeks, (w) => byWeek.get(w)?.n ?? Number.NaN) : undefined,
      }
    })

describe('poolSeries', () => {
  it('gives at every focal period the sums (or means) of the per-link walk, bit for bit', () => {
    fc.assert(
      fc.property(
        fc
          .boolean()
          .chain((withDenominator) =>
            fc.tuple(
              fc.constant(withDenominator),
              series(withDenominator),
              fc.array(series(withDenominator), { maxLength: 9 }),
            ),
          ),
        ([withDenominator, focal, comparison]) => {
          const pooled = poolComparison(focal, poolSeries(comparison, withDenominator))
          expect(pooled).toEqual(poolPerLink(focal, comparison))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('pools on the union of the periods and counts the series behind each', () => {
    const a: DaySeries = { days: Int32Array.of(7, 14), y: Float64Array.of(3, 4), n: Float64Array.of(10, 0) }
    const b: DaySeries = { days: Int32Array.of(0, 14), y: Float64Array.of(1, 5), n: Float64Array.of(2, 20) }
    const pool = poolSeries([a, b], true)
    expect(pool.count).toBe(2)
    expect([...pool.days]).toEqual([0, 7, 14])
    expect([...pool.y]).toEqual([1, 3, 5])
    expect([...(pool.n ?? [])]).toEqual([2, 10, 20])
    expect([...pool.present]).toEqual([1, 1, 1])
  })
})
