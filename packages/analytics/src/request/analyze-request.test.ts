// analyzeRequest on the inputs qicharts2 accepts and the command once refused (ADR 015), with
// expectations derived by hand from qicharts2's qic.agg() (the arithmetic is in comments), and the
// agreement of the hand-written point reader with the zod schema.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AnalyzeRequestSchema,
  type AnalyzeResult,
  analyzeRequest,
  RequestPointSchema,
} from './analyze-request.ts'
import { isoDateKey, readPoints } from './read-points.ts'

function analyze(request: unknown): { result: AnalyzeResult; warnings: string[] } {
  const outcome = analyzeRequest(request)
  if (!outcome.ok) throw new Error(outcome.errors.join('; '))
  return outcome
}

function errorsOf(request: unknown): string[] {
  const outcome = analyzeRequest(request)
  if (outcome.ok) throw new Error('expected errors')
  return outcome.errors
}

describe('several rows with the same x (qicharts2 qic.agg)', () => {
  it('p chart: sums y and n per x, then p̄ = Σy / Σn over all rows', () => {
    // x = 1: (2 / 10, 3 / 20) → 5 / 30; x = 2: 5 / 30; x = 3: 1 / 10 → p̄ = 11 / 70
    // ucl(x = 1) = p̄ + 3 sqrt(p̄ (1 − p̄) / 30)
    const { result, warnings } = analyze({
      chart: 'p',
      points: [
        { x: 2, y: 5, n: 30 },
        { x: 1, y: 2, n: 10 },
        { x: 3, y: 1, n: 10 },
        { x: 1, y: 3, n: 20 },
      ],
    })
    const cl = 11 / 70
    expect(result.points.map((point) => point.x)).toEqual([1, 2, 3])
    expect(result.points.map((point) => point.value)).toEqual([5 / 30, 5 / 30, 1 / 10])
    expect(result.points[0]?.cl).toBeCloseTo(cl, 15)
    expect(result.points[0]?.ucl).toBeCloseTo(cl + 3 * Math.sqrt((cl * (1 - cl)) / 30), 15)
    expect(result.points[2]?.ucl).toBeCloseTo(cl + 3 * Math.sqrt((cl * (1 - cl)) / 10), 15)
    expect(warnings).toEqual([
      '1 x value has several rows (2 rows): aggregated as qicharts2 does, value = Σy / Σn',
    ])
  })

  it('i chart without n: the mean of y per x (agg.fun = "mean")', () => {
    // x = 1: mean(2, 4) = 3; x = 2: 5; x = 3: mean(1, null) = 1 → cl = 3
    // moving ranges 2, 4 → AMR 3 (none ≥ 3.267 × 3) → ucl = 3 + 3 × 3 / 1.128
    const { result, warnings } = analyze({
      chart: 'i',
      points: [
        { x: 1, y: 2 },
        { x: 1, y: 4 },
        { x: 2, y: 5 },
        { x: 3, y: 1 },
        { x: 3, y: null },
      ],
    })
    expect(result.points.map((point) => point.value)).toEqual([3, 5, 1])
    expect(result.points[0]?.cl).toBe(3)
    expect(result.points[0]?.ucl).toBeCloseTo(3 + (3 * 3) / 1.128, 14)
    expect(warnings).toEqual([
      '2 x values have several rows (4 rows): aggregated as qicharts2 does, the mean of y',
    ])
  })

  it('the mean is correctly rounded, as R', () => {
    const { result } = analyze({
      chart: 'run',
      points: [
        { x: 1, y: 0.1 },
        { x: 1, y: 0.2 },
        { x: 1, y: 0.3 },
      ],
    })
    expect(result.points[0]?.value).toBe(0.2)
  })

  it('c chart: the sum of the counts per x (y.sum), with or without n', () => {
    // x = 1: 3 + 4 = 7; x = 2: 2 → c̄ = 4.5, ucl = 4.5 + 3 sqrt(4.5)
    const points = [
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 1, y: 4 },
    ]
    const { result } = analyze({ chart: 'c', points })
    expect(result.points.map((point) => point.value)).toEqual([7, 2])
    expect(result.points[0]?.ucl).toBeCloseTo(4.5 + 3 * Math.sqrt(4.5), 14)
    const withN = analyze({ chart: 'c', points: points.map((point) => ({ ...point, n: 10 })) })
    expect(withN.result.points.map((point) => point.value)).toEqual([7, 2])
    expect(withN.warnings[0]).toMatch(/the c chart plots Σy/)
  })

  it('c chart: an x whose rows are all missing stays missing (qicharts2 would plot 0)', () => {
    const { result } = analyze({
      chart: 'c',
      points: [
        { x: 1, y: 3 },
        { x: 2, y: null },
        { x: 2, y: null },
        { x: 3, y: 5 },
      ],
    })
    expect(result.points.map((point) => point.value)).toEqual([3, null, 5])
    expect(result.points[1]?.cl).toBe(4)
  })

  it('run chart with n: Σy / Σn of the complete rows', () => {
    // x = 1: rows (1 / 4), (3 / 4), (5 / null) → (1 + 3) / (4 + 4) = 0.5
    const { result } = analyze({
      chart: 'run',
      points: [
        { x: 1, y: 1, n: 4 },
        { x: 1, y: 3, n: 4 },
        { x: 1, y: 5, n: null },
        { x: 2, y: 1, n: 10 },
      ],
    })
    expect(result.points.map((point) => point.value)).toEqual([0.5, 0.1])
  })

  it('equals the same series aggregated beforehand (property)', () => {
    const rowArbitrary = fc.record({
      x: fc.integer({ min: 1, max: 12 }),
      n: fc.integer({ min: 1, max: 300 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 40 }), (rows) => {
        const points = rows.map(({ x, n, share }) => ({ x, y: Math.floor(share * n), n }))
        const byX = new Map<number, { y: number; n: number }>()
        for (const point of points) {
          const sum = byX.get(point.x) ?? { y: 0, n: 0 }
          byX.set(point.x, { y: sum.y + point.y, n: sum.n + point.n })
        }
        const aggregated = [...byX].map(([x, sum]) => ({ x, ...sum }))
        expect(analyze({ chart: 'pp', points }).result).toEqual(
          analyze({ chart: 'pp', points: aggregated }).result,
        )
      }),
      { numRuns: 100 },
    )
  })

  it('dates: the same day as a date and as a date-time is one x; the first row names it', () => {
    const { result } = analyze({
      chart: 'i',
      points: [
        { x: '2024-01-08', y: 1 },
        { x: '2024-01-01T00:00:00Z', y: 2 },
        { x: '2024-01-01', y: 4 },
      ],
    })
    expect(result.points.map((point) => [point.x, point.value])).toEqual([
      ['2024-01-01T00:00:00Z', 3],
      ['2024-01-08', 1],
    ])
  })

  it('checks merged rows one by one: a sum cannot hide a bad row', () => {
    // Σy = 5 ≤ Σn = 14, but the first row has 5 of 4
    expect(
      errorsOf({
        chart: 'p',
        points: [
          { x: 1, y: 5, n: 4 },
          { x: 1, y: 0, n: 10 },
        ],
      }),
    ).toEqual(['points[0].y (x = 1): p-chart numerator 5 is above its denominator 4'])
    expect(
      errorsOf({
        chart: 'c',
        points: [
          { x: 2, y: 3 },
          { x: 2, y: -1 },
        ],
      }),
    ).toEqual(['points[1].y (x = 2): a c chart counts events: y must not be negative, got -1'])
  })
})

describe('a row with y but no n', () => {
  it('is a missing point on a p chart, with a warning', () => {
    // complete rows: 10 / 100, 20 / 100 → p̄ = 0.15; x = 2 is missing (its n is null)
    const { result, warnings } = analyze({
      chart: 'p',
      points: [
        { x: 1, y: 10, n: 100 },
        { x: 2, y: 7, n: null },
        { x: 3, y: 20, n: 100 },
        { x: 4, y: 3 },
      ],
    })
    expect(result.points.map((point) => point.value)).toEqual([0.1, null, 0.2, null])
    expect(result.points[1]).toMatchObject({ cl: 0.15, lcl: null, ucl: null, sigmaSignal: false })
    expect(warnings).toEqual([
      '2 rows have a y but no n: missing points (qicharts2 keeps complete cases only)',
    ])
  })

  it('still needs n on some row of a p chart', () => {
    expect(errorsOf({ chart: 'u', points: [{ x: 1, y: 1 }] })).toEqual([
      'n: a u chart needs a denominator n for every point',
    ])
  })
})

describe('freeze, part and exclude beyond the series', () => {
  const points = [3, 5, 4, 6, 8, 7].map((y, i) => ({ x: i + 1, y }))

  it('freeze beyond the last point is ignored with a warning (qicharts2: every point is the baseline)', () => {
    const { result, warnings } = analyze({ chart: 'i', points, freeze: 9 })
    expect(result).toEqual(analyze({ chart: 'i', points }).result)
    expect(warnings).toEqual([
      'freeze: position 9 is beyond the 6 points of the series and is ignored (every point is the baseline, as in qicharts2)',
    ])
  })

  it('positions counted after aggregation: a freeze that fitted the rows may not fit the x values', () => {
    const rows = [...points, { x: 1, y: 3 }]
    expect(analyze({ chart: 'i', points: rows, freeze: 7 }).warnings).toContain(
      'freeze: position 7 is beyond the 6 points of the series and is ignored (every point is the baseline, as in qicharts2)',
    )
  })

  it('part and exclude positions beyond the series are dropped with a warning', () => {
    const { result, warnings } = analyze({ chart: 'i', points, part: [3, 6, 9], exclude: [2, 7, 8] })
    expect(result).toEqual(analyze({ chart: 'i', points, part: [3], exclude: [2] }).result)
    expect(warnings).toEqual([
      'part: positions 6, 9 are at or after the last of the 6 points and dropped (qicharts2 drops them too)',
      'exclude: positions 7, 8 are beyond the 6 points of the series and dropped (qicharts2 ignores them too)',
    ])
  })

  it('freeze is ignored when part is given, even if every part position is dropped (qic())', () => {
    const { result, warnings } = analyze({ chart: 'i', points, freeze: 2, part: [8] })
    expect(result).toEqual(analyze({ chart: 'i', points }).result)
    expect(warnings[0]).toBe('freeze is ignored because part is given (qicharts2 behaviour)')
  })

  it('positions below 1 are still errors', () => {
    expect(errorsOf({ chart: 'i', points, freeze: 0, part: [0], exclude: [-1] })).toEqual([
      'freeze: position 0 is out of range 1..6',
      'part[0]: position 0 is out of range 1..5',
      'exclude[0]: position -1 is out of range 1..6',
    ])
  })
})

describe('working arrays reused between calls', () => {
  it('a result is not changed by later calls', () => {
    const first = analyze({
      chart: 'p',
      points: [3, 1, 2].map((x) => ({ x, y: x, n: 10 })),
    })
    const copy = structuredClone(first)
    analyze({ chart: 'u', points: [9, 8, 7, 6].map((x) => ({ x, y: 2 * x, n: 5 })) })
    analyze({ chart: 'i', points: [{ x: 1, y: 100 }] })
    expect(first).toEqual(copy)
  })
})

describe('validation of the points', () => {
  it('reports every problem with the messages of the zod schema', () => {
    const request = {
      chart: 'qq',
      points: [{ x: 1, y: 'a' }, { x: '2024-02-30', y: 1 }, [1, 2], { x: 1, y: 1, z: 0 }],
      extra: 1,
    }
    const schema = AnalyzeRequestSchema.safeParse(request)
    expect(schema.success).toBe(false)
    expect(errorsOf(request)).toEqual([
      'chart: unknown chart type "qq"',
      'points.0.y: Invalid input: expected number, received string',
      'points.1.x: x must be a number or an ISO date (YYYY-MM-DD) / date-time string',
      'points.2: Invalid input: expected object, received array',
      'points.3: Unrecognized key: "z"',
      'Unrecognized key: "extra"',
    ])
    expect(errorsOf({ chart: 'i', points: [] })).toEqual(['points: points must contain at least one point'])
    expect(errorsOf({ chart: 'i', points: [{ x: 1, y: 1 }], extra: 1 })).toEqual([
      'Unrecognized key: "extra"',
    ])
    expect(errorsOf({ chart: 'i', points: { x: 1, y: 1 } })).toEqual([
      'points: Invalid input: expected array, received object',
    ])
    expect(errorsOf({ chart: 'i', points: [{ x: 1, y: 1 }], freeze: 1.5 })).toEqual([
      'freeze: Invalid input: expected int, received number',
    ])
    expect(errorsOf({ chart: 'i', points: [{ x: 1, y: Number.POSITIVE_INFINITY }] })).toEqual([
      'points.0.y: Invalid input: expected number, received Infinity',
    ])
  })

  it('mixed numbers and dates are refused', () => {
    expect(
      errorsOf({
        chart: 'i',
        points: [
          { x: 1, y: 1 },
          { x: '2024-01-01', y: 2 },
        ],
      }),
    ).toEqual(['points.x: all x values must be numbers, or all must be ISO dates'])
  })

  const dateLike = fc.oneof(
    fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
      })
      .map(
        ({ year, month, day }) =>
          `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      ),
    fc.constantFrom(
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '0000-02-29',
      '2024-1-01',
      '２０２４-01-01',
    ),
    fc.string({ minLength: 10, maxLength: 10 }),
    fc
      .date({
        min: new Date('0001-01-01T00:00:00Z'),
        max: new Date('9999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString()),
    fc.constantFrom(
      '2024-01-01T10:00:00+01:00',
      '2024-01-01T10:00:00',
      '2024-01-01T10:00Z',
      '2024-01-01 10:00:00Z',
    ),
  )
  const value = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constant(null),
    fc.constant(undefined),
    fc.string(),
    fc.boolean(),
    dateLike,
  )
  const pointLike = fc.oneof(
    fc.record({ x: fc.oneof(value, dateLike), y: value, n: value, extra: value }, { requiredKeys: [] }),
    fc.record({ x: fc.oneof(fc.double(), dateLike), y: fc.oneof(fc.double(), fc.constant(null)) }),
    fc.constantFrom(null, 1, 'x', [1, 2]),
  )

  it('readPoints accepts exactly the points the zod schema accepts (property)', () => {
    fc.assert(
      fc.property(pointLike, (point) => {
        const isAccepted = !('invalidIndex' in readPoints([point]))
        expect(isAccepted).toBe(RequestPointSchema.safeParse(point).success)
      }),
      { numRuns: 5000 },
    )
  })

  it('isoDateKey equals Date.parse for every valid ISO date (property)', () => {
    const dates = fc
      .date({
        min: new Date('0000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10))
    fc.assert(
      fc.property(dates, (text) => {
        expect(isoDateKey(text)).toBe(Date.parse(text))
      }),
      { numRuns: 2000 },
    )
    expect(isoDateKey('2023-02-29')).toBeNaN()
    expect(isoDateKey('2024-13-01')).toBeNaN()
  })
})
