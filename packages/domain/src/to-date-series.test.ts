import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  TO_DATE_DROP_MIN,
  TO_DATE_DROP_SHARE,
  type ToDatePoint,
  toDateDeclines,
  unlikelyToDateDeclines,
} from './to-date-series.ts'

const point = (period: string, numerator: number | null, ref: number, series = 'A'): ToDatePoint => ({
  series,
  period,
  numerator,
  ref,
})

describe('toDateDeclines', () => {
  it('flags a count to date that falls from one period to the next in a school year', () => {
    const declines = toDateDeclines(
      [
        point('2025-09-01', 10, 2),
        point('2025-09-08', 14, 3),
        point('2025-09-15', 12, 4),
        point('2025-09-22', 15, 5),
      ],
      '07-01',
    )
    expect(declines).toEqual([
      {
        series: 'A',
        ref: 4,
        period: '2025-09-15',
        numerator: 12,
        previousRef: 3,
        previousPeriod: '2025-09-08',
        previousNumerator: 14,
        schoolYear: '2025–26',
      },
    ])
  })

  it('lets each school year start afresh, from the district’s school-year start', () => {
    const points = [point('2026-06-22', 80, 2), point('2026-08-17', 3, 3)]
    expect(toDateDeclines(points, '07-01')).toEqual([])
    // with a school year starting September 1, August is still the old year
    expect(toDateDeclines(points, '09-01').map((d) => [d.ref, d.schoolYear])).toEqual([[3, '2025–26']])
  })

  it('compares within a series only, in period order, skipping missing numerators', () => {
    const declines = toDateDeclines(
      [
        point('2025-09-15', 5, 4, 'B'),
        point('2025-09-08', 9, 3, 'A'),
        point('2025-09-01', 7, 2, 'B'),
        point('2025-09-15', null, 5, 'A'),
        point('2025-09-22', 8, 6, 'A'),
      ],
      '07-01',
    )
    expect(declines.map((d) => [d.series, d.ref, d.previousRef])).toEqual([
      ['B', 4, 2],
      ['A', 6, 3],
    ])
  })

  it('lets a later point of the same period replace an earlier one (an import overwrites the stored value)', () => {
    const stored = [point('2025-09-01', 10, -1), point('2025-09-08', 4, -2)]
    expect(toDateDeclines(stored, '07-01').map((d) => d.ref)).toEqual([-2])
    expect(toDateDeclines([...stored, point('2025-09-08', 11, 7)], '07-01')).toEqual([])
  })

  it('finds nothing in a series that never falls within a year, and flags every fall (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 30 }), { minLength: 1, maxLength: 40 }), (steps) => {
        let n = 100
        const points = steps.map((step, i) => {
          n += step
          const period = new Date(Date.UTC(2025, 7, 4) + i * 7 * 86_400_000).toISOString().slice(0, 10)
          return point(period, n, i + 2)
        })
        // 2025-08-04 + 39 weeks stays inside the 2025–26 school year
        const falls = steps.slice(1).flatMap((step, i) => (step < 0 ? [i + 3] : []))
        expect(toDateDeclines(points, '07-01').map((d) => d.ref)).toEqual(falls)
      }),
    )
  })
})

describe('unlikelyToDateDeclines', () => {
  it('keeps falls a lost status does not explain: at least half, and at least 5', () => {
    expect([TO_DATE_DROP_SHARE, TO_DATE_DROP_MIN]).toEqual([0.5, 5])
    const series = [
      point('2025-09-01', 40, 2),
      point('2025-09-08', 36, 3), // 10 % lower: students who left the band
      point('2025-09-15', 18, 4), // halved: flagged
      point('2025-09-22', 19, 5),
      point('2025-09-29', 9, 6), // more than half, but by 10: flagged
      point('2025-10-06', 12, 7),
      point('2025-10-13', 8, 8), // a third lower: not flagged
    ]
    expect(unlikelyToDateDeclines(series, '07-01').map((d) => d.ref)).toEqual([4, 6])
    // small counts: 6 → 2 is two thirds lower but only by 4
    expect(unlikelyToDateDeclines([point('2025-09-01', 6, 2), point('2025-09-08', 2, 3)], '07-01')).toEqual(
      [],
    )
    expect(
      unlikelyToDateDeclines([point('2025-09-01', 10, 2), point('2025-09-08', 5, 3)], '07-01'),
    ).toHaveLength(1)
  })
})
